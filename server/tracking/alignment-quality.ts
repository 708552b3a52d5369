/**
 * How well two CTs line up after registration, judged on the fixed grid:
 * - body Dice: the body is every voxel above −500 HU (air and lung fall below, soft
 *   tissue, bone and the couch above), compared between the fixed image and the moving
 *   image pulled through the transform;
 * - NCC: normalised cross-correlation of HU inside the fixed body.
 * Only fixed voxels whose mapped point lies inside the moving image count, so a
 * follow-up with shorter craniocaudal coverage is not punished for what it never saw.
 * The couch is dense enough to count as body; a different couch between scanners lowers
 * the Dice a little, and removing the couch first would make the check sharper.
 */
import type { ImageVolume } from '../imaging/image';
import type { Mat3x4 } from './affine';
import { resampleVolume } from './resample';

export const BODY_THRESHOLD_HU = -500;

export interface AlignmentQuality {
  bodyOverlapDice: number;
  /** Share of fixed voxels that map inside the moving image. */
  overlapFraction: number;
  ncc: number;
}

/** Sentinel far below any HU, marking fixed voxels that map outside the moving image. */
const OUTSIDE = -1e9;

export function alignmentQuality(
  fixed: ImageVolume,
  moving: ImageVolume,
  fixedToMoving: Mat3x4,
): AlignmentQuality {
  const warped = resampleVolume(moving, fixed, fixedToMoving, { outsideValue: OUTSIDE });
  let both = 0;
  let inFixed = 0;
  let inMoving = 0;
  let counted = 0;
  const sums = { n: 0, a: 0, b: 0, ab: 0, aa: 0, bb: 0 };
  for (let n = 0; n < fixed.data.length; n++) {
    const m = warped.data[n] ?? OUTSIDE;
    if (m === OUTSIDE) continue;
    const f = fixed.data[n] ?? 0;
    const fixedBody = f > BODY_THRESHOLD_HU;
    const movingBody = m > BODY_THRESHOLD_HU;
    counted++;
    if (fixedBody) {
      inFixed++;
      accumulate(sums, f, m);
    }
    if (movingBody) inMoving++;
    if (fixedBody && movingBody) both++;
  }
  const dice = inFixed + inMoving === 0 ? 0 : (2 * both) / (inFixed + inMoving);

  return {
    bodyOverlapDice: dice,
    overlapFraction: counted / Math.max(1, fixed.data.length),
    ncc: correlation(sums),
  };
}

type Sums = { n: number; a: number; b: number; ab: number; aa: number; bb: number };

function accumulate(s: Sums, a: number, b: number): void {
  s.n++;
  s.a += a;
  s.b += b;
  s.ab += a * b;
  s.aa += a * a;
  s.bb += b * b;
}

function correlation(s: Sums): number {
  if (s.n < 2) return 0;
  const cov = s.ab - (s.a * s.b) / s.n;
  const va = s.aa - (s.a * s.a) / s.n;
  const vb = s.bb - (s.b * s.b) / s.n;

  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
}

/** Voxels above the body threshold. */
export function bodyVoxelCount(volume: ImageVolume): number {
  let count = 0;
  for (const v of volume.data) if (v > BODY_THRESHOLD_HU) count++;

  return count;
}
