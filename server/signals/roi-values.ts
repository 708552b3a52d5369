/** Values under a mask and the plain statistics the signals are built from. */
import type { ImageVolume } from '@/server/imaging/image';

/** Values of `image` (times `scale`) at voxels where `mask` >= 0.5; same grid required. */
export function valuesUnder(image: ImageVolume, mask: ImageVolume, scale = 1): Float64Array {
  const picked: number[] = [];
  for (let v = 0; v < mask.data.length; v++) {
    if ((mask.data[v] as number) >= 0.5) picked.push((image.data[v] as number) * scale);
  }

  return Float64Array.from(picked);
}

export function maxOf(values: Float64Array): number {
  let max = -Infinity;
  for (const x of values) if (x > max) max = x;

  return max;
}

export function meanOf(values: Float64Array): number {
  let sum = 0;
  for (const x of values) sum += x;

  return sum / values.length;
}

/** Sample standard deviation (n - 1), as PERCIST's liver SD is usually reported. */
export function sdOf(values: Float64Array): number {
  if (values.length < 2) return 0;
  const mean = meanOf(values);
  let squares = 0;
  for (const x of values) squares += (x - mean) ** 2;

  return Math.sqrt(squares / (values.length - 1));
}

/** Percentile p (0-100) with linear interpolation between order statistics. */
export function percentileOf(values: Float64Array, p: number): number {
  const sorted = Float64Array.from(values).sort();
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(sorted.length - 1, below + 1);
  const low = sorted[below] as number;

  return low + (rank - below) * ((sorted[above] as number) - low);
}

export function countWhere(values: Float64Array, test: (x: number) => boolean): number {
  let count = 0;
  for (const x of values) if (test(x)) count += 1;

  return count;
}
