/**
 * The cost of linking a track's last known lesion to a lesion of a later timepoint, in
 * [0, 1]: a weighted mean of
 * - distance: centroid distance / gate (both in baseline space, after registration);
 * - size: |ln(volume ratio)| / ln(max ratio), so doubling and halving weigh the same;
 *   each volume is first enlarged by sizeAllowanceVoxels of its own voxels, because a
 *   lesion a few voxels across gains or loses whole voxels to partial volume at its edge
 *   (one voxel against nine is a threefold, not a ninefold, change); large lesions are
 *   hardly affected, and the distance gate still holds, so a small new lesion far away
 *   stays new;
 * - overlap: 1 − Dice, only when both lesions have masks.
 * A link is allowed within the distance and size gates, or whenever the masks overlap
 * with Dice ≥ overlapLinkDice (a lesion that grew a lot still overlaps itself).
 */
import type { Vec3 } from '../imaging/image';
import { dice } from './lesion-overlap';

export interface CostInput {
  centroidMm: Vec3;
  volumeMl: number;
  /** Volume of one voxel of the lesion's own grid; without it no allowance is made. */
  voxelVolumeMl?: number;
  indices?: Int32Array;
}

export interface CostSettings {
  gateMm: number;
  maxVolumeRatio: number;
  /** Voxels added to each volume before the ratio; 0 compares the volumes as they are. */
  sizeAllowanceVoxels?: number;
  overlapLinkDice: number;
}

export interface LinkCost {
  cost: number;
  allowed: boolean;
  distanceMm: number;
  dice: number | null;
}

const WEIGHT = { distance: 1, size: 0.5, overlap: 1 } as const;

export function linkCost(a: CostInput, b: CostInput, s: CostSettings): LinkCost {
  const distanceMm = Math.hypot(...a.centroidMm.map((v, i) => v - (b.centroidMm[i] ?? 0)));
  const allowance = s.sizeAllowanceVoxels ?? 0;
  const ratio = volumeRatio(withAllowance(a, allowance), withAllowance(b, allowance));
  const overlap = a.indices && b.indices ? dice(a.indices, b.indices) : null;
  const withinGates = distanceMm <= s.gateMm && ratio <= s.maxVolumeRatio;
  const allowed = withinGates || (overlap !== null && overlap >= s.overlapLinkDice);

  const distanceTerm = Math.min(1, distanceMm / s.gateMm);
  const sizeTerm = Math.min(1, Math.log(ratio) / Math.log(s.maxVolumeRatio));
  let sum = WEIGHT.distance * distanceTerm + WEIGHT.size * sizeTerm;
  let weights = WEIGHT.distance + WEIGHT.size;
  if (overlap !== null) {
    sum += WEIGHT.overlap * (1 - overlap);
    weights += WEIGHT.overlap;
  }

  return { cost: sum / weights, allowed, distanceMm, dice: overlap };
}

function withAllowance(lesion: CostInput, voxels: number): number {
  if (!(lesion.volumeMl > 0)) return lesion.volumeMl;

  return lesion.volumeMl + voxels * (lesion.voxelVolumeMl ?? 0);
}

/** max/min of two volumes; a zero or missing volume counts as infinitely different. */
function volumeRatio(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return Infinity;

  return Math.max(a, b) / Math.min(a, b);
}
