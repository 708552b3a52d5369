/**
 * Seeded threshold segmentation of a PET lesion: from the voxel a reader clicked, grow
 * a 26-connected region over voxels at or above a threshold that is either 41% of the
 * local SUVmax (the hottest voxel within `searchRadiusMm` of the seed) or a fixed SUV
 * of 2.5. Growth stops `maxGrowthMm` from the seed, so a lesion that touches the
 * bladder or the heart at the fixed threshold cannot flood the body.
 */
import { AppError } from '@/server/lib/errors';
import { createImage } from '@/server/imaging/image';
import type { ImageVolume, Vec3 } from '@/server/imaging/image';

export type ThresholdMethod = '41%' | 'suv2.5';

export interface ThresholdOptions {
  method: ThresholdMethod;
  /** Radius around the seed searched for the local SUVmax; 15 mm by default. */
  searchRadiusMm?: number;
  /** No voxel farther than this from the seed joins the region; 50 mm by default. */
  maxGrowthMm?: number;
}

export interface ThresholdSegmentation {
  /** uint8 mask on the PET grid, 1 inside the lesion. */
  mask: ImageVolume;
  voxelCount: number;
  thresholdSuv: number;
  localMaxSuv: number;
  /** True when the region met the growth bound: the outline is then cut off there. */
  reachedBound: boolean;
}

const FIXED_THRESHOLD_SUV = 2.5;
const RELATIVE_THRESHOLD = 0.41;

export function segmentByThreshold(
  petSuv: ImageVolume,
  seed: Vec3,
  options: ThresholdOptions,
): ThresholdSegmentation {
  checkSeed(petSuv, seed);
  const searchRadiusMm = options.searchRadiusMm ?? 15;
  const maxGrowthMm = options.maxGrowthMm ?? 50;
  const localMaxSuv = maxWithin(petSuv, seed, searchRadiusMm);
  const thresholdSuv = options.method === '41%'
    ? RELATIVE_THRESHOLD * localMaxSuv
    : FIXED_THRESHOLD_SUV;
  const seedSuv = petSuv.data[flatIndex(petSuv.size, seed)] ?? 0;
  if (seedSuv < thresholdSuv) throw belowThreshold(seedSuv, thresholdSuv, options.method);

  const { mask, voxelCount, reachedBound } = grow(petSuv, seed, thresholdSuv, maxGrowthMm);

  return { mask, voxelCount, thresholdSuv, localMaxSuv, reachedBound };
}

function checkSeed(pet: ImageVolume, seed: Vec3): void {
  const inside = seed.every((v, n) => Number.isInteger(v) && v >= 0 && v < (pet.size[n] ?? 0));
  if (inside) return;

  throw new AppError('BAD_INPUT', `Seed ${seed.join(',')} lies outside the PET volume.`, {
    userMessage: 'The clicked point is outside the PET image. Click inside the image.',
  });
}

function belowThreshold(seedSuv: number, thresholdSuv: number, method: ThresholdMethod) {
  const rule = method === '41%' ? '41% of the local SUVmax' : 'SUV 2.5';
  const text = `The clicked voxel has SUV ${seedSuv.toFixed(2)}, below the threshold ` +
    `${thresholdSuv.toFixed(2)} (${rule}). Click inside the hot lesion itself.`;

  return new AppError('BAD_INPUT', text, { userMessage: text });
}

function flatIndex(size: Vec3, [i, j, k]: Vec3): number {
  return i + size[0] * (j + size[1] * k);
}

/** Index offsets within `radiusMm` along each axis: the box a sphere of that size spans. */
function reach(pet: ImageVolume, radiusMm: number): Vec3 {
  return pet.spacingMm.map((s) => Math.floor(radiusMm / s)) as Vec3;
}

/** Squared distance in mm between two voxels; the direction matrix is orthonormal. */
function distanceSqMm(pet: ImageVolume, a: Vec3, b: Vec3): number {
  const [sx, sy, sz] = pet.spacingMm;
  const dx = (a[0] - b[0]) * sx;
  const dy = (a[1] - b[1]) * sy;
  const dz = (a[2] - b[2]) * sz;

  return dx * dx + dy * dy + dz * dz;
}

function maxWithin(pet: ImageVolume, seed: Vec3, radiusMm: number): number {
  const [ri, rj, rk] = reach(pet, radiusMm);
  const [nx, ny, nz] = pet.size;
  const radiusSq = radiusMm * radiusMm;
  let best = -Infinity;
  for (let k = Math.max(0, seed[2] - rk); k <= Math.min(nz - 1, seed[2] + rk); k++) {
    for (let j = Math.max(0, seed[1] - rj); j <= Math.min(ny - 1, seed[1] + rj); j++) {
      for (let i = Math.max(0, seed[0] - ri); i <= Math.min(nx - 1, seed[0] + ri); i++) {
        if (distanceSqMm(pet, [i, j, k], seed) > radiusSq) continue;
        best = Math.max(best, pet.data[i + nx * (j + ny * k)] ?? -Infinity);
      }
    }
  }

  return best;
}

function grow(pet: ImageVolume, seed: Vec3, thresholdSuv: number, maxGrowthMm: number) {
  const mask = createImage(pet, 'uint8');
  const [nx, ny, nz] = pet.size;
  const boundSq = maxGrowthMm * maxGrowthMm;
  const stack: number[] = [flatIndex(pet.size, seed)];
  mask.data[stack[0] ?? 0] = 1;
  let voxelCount = 1;
  let reachedBound = false;
  while (stack.length > 0) {
    const n = stack.pop() ?? 0;
    const here: Vec3 = [n % nx, Math.floor(n / nx) % ny, Math.floor(n / (nx * ny))];
    for (const next of neighbours(here, nx, ny, nz)) {
      const m = flatIndex(pet.size, next);
      if (mask.data[m] || (pet.data[m] ?? -Infinity) < thresholdSuv) continue;
      if (distanceSqMm(pet, next, seed) > boundSq) {
        reachedBound = true;
        continue;
      }
      mask.data[m] = 1;
      voxelCount++;
      stack.push(m);
    }
  }

  return { mask, voxelCount, reachedBound };
}

/** The up to 26 voxels sharing a face, an edge or a corner with `here`. */
function* neighbours([i, j, k]: Vec3, nx: number, ny: number, nz: number) {
  for (let dk = -1; dk <= 1; dk++) {
    for (let dj = -1; dj <= 1; dj++) {
      for (let di = -1; di <= 1; di++) {
        const next: Vec3 = [i + di, j + dj, k + dk];
        if (di === 0 && dj === 0 && dk === 0) continue;
        if (next[0] < 0 || next[1] < 0 || next[2] < 0) continue;
        if (next[0] >= nx || next[1] >= ny || next[2] >= nz) continue;
        yield next;
      }
    }
  }
}
