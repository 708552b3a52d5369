/**
 * Learning a lesion's HU window from a timepoint where its mask is known: the previous
 * sighting's mask on the previous CT. The lesion's voxels and a ring of tissue around
 * them (the mask dilated by `ringVoxels`, minus the mask) are the two classes; the window
 * [low, high] is the one that keeps most lesion voxels and fewest ring voxels, i.e. that
 * maximises TPR − FPR (Youden's index). With F the empirical distribution functions,
 *   TPR − FPR = (F_lesion(high) − F_ring(high)) − (F_lesion(low) − F_ring(low)),
 * so each bound is found on its own side of the lesion's median. A ring of several
 * tissues (bone: marrow around, cortex further out; lung: air) is handled as well as one,
 * and a lesion darker than its organ as well as a brighter one. On a tie the wider bound
 * wins, so a side with no ring tissue beyond the lesion stays open.
 */
import { createImage, indexToPoint, pointToIndex, type ImageVolume } from '../imaging/image';
import { dilateBox } from './mask-morphology';

export interface LearntWindow {
  windowHu: [number, number];
  /** TPR − FPR of the window on the timepoint it was learnt on; 1 is a perfect split. */
  separation: number;
}

export function learnWindow(
  image: ImageVolume,
  mask: ImageVolume,
  ringVoxels = 2,
): LearntWindow | null {
  const padded = padMask(mask, ringVoxels);
  const ring = dilateBox(padded, [ringVoxels, ringVoxels, ringVoxels]);
  const lesion: number[] = [];
  const around: number[] = [];
  ring.data.forEach((v, n) => {
    if (v === 0) return;
    const hu = sampleAt(image, padded, n);
    if (hu === null) return;
    (padded.data[n] ? lesion : around).push(hu);
  });
  if (lesion.length === 0 || around.length === 0) return null;

  return bestWindow(Float64Array.from(lesion).sort(), Float64Array.from(around).sort());
}

function bestWindow(lesion: Float64Array, ring: Float64Array): LearntWindow {
  const middle = lesion[Math.floor(lesion.length / 2)] ?? 0;
  const cuts = Float64Array.from(new Set([...lesion, ...ring])).sort();
  // D(t) = F_lesion(t) − F_ring(t), counting values ≤ t.
  const d = (t: number) => countAtMost(lesion, t) / lesion.length -
    countAtMost(ring, t) / ring.length;
  let high = Infinity;
  let highScore = 0;
  let low = -Infinity;
  let lowScore = 0;
  // D is 0 at ±∞, where the window is open. Cuts ascend, so among equal scores the last
  // high and the first low are kept: the widest window that splits as well.
  // A bound lies halfway between the cut and the next value, not on a sample.
  cuts.forEach((t, n) => {
    const score = d(t);
    const between = (t + (cuts[n + 1] ?? t)) / 2;
    const better = score > highScore || (score === highScore && score > 0);
    if (t >= middle && better) [high, highScore] = [between, score];
    if (t < middle && score < lowScore) [low, lowScore] = [between, score];
  });

  return { windowHu: [low, high], separation: highScore - lowScore };
}

/** How many sorted values are ≤ t (binary search). */
function countAtMost(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= t) lo = mid + 1;
    else hi = mid;
  }

  return lo;
}

/** The mask on a grid `pad` voxels larger on every side, so its dilation has room. */
function padMask(mask: ImageVolume, pad: number): ImageVolume {
  const [nx, ny, nz] = mask.size;
  const size: [number, number, number] = [nx + 2 * pad, ny + 2 * pad, nz + 2 * pad];
  const originMm = indexToPoint(mask, [-pad, -pad, -pad]);
  const out = createImage({ ...mask, size, originMm }, 'uint8');
  mask.data.forEach((v, n) => {
    if (v === 0) return;
    const i = (n % nx) + pad;
    const j = (Math.floor(n / nx) % ny) + pad;
    const k = Math.floor(n / (nx * ny)) + pad;
    out.data[(k * size[1] + j) * size[0] + i] = 1;
  });

  return out;
}

/** The image's value at the centre of voxel n of `grid` (nearest voxel), null outside. */
function sampleAt(image: ImageVolume, grid: ImageVolume, n: number): number | null {
  const [nx, ny] = grid.size;
  const point = indexToPoint(grid, [n % nx, Math.floor(n / nx) % ny, Math.floor(n / (nx * ny))]);
  const [i, j, k] = pointToIndex(image, point).map(Math.round) as [number, number, number];
  const [sx, sy, sz] = image.size;
  if (i < 0 || j < 0 || k < 0 || i >= sx || j >= sy || k >= sz) return null;

  return image.data[(k * sy + j) * sx + i] ?? null;
}
