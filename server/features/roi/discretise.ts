import type { Discretisation } from '../settings';

export interface Discretised {
  /** Grey level per voxel, 1-based; 0 where the voxel is outside the mask. */
  levels: Int32Array;
  /** Number of grey levels the matrices span (the highest level for fixed bin size). */
  greyLevelCount: number;
}

function extremes(image: Float64Array, mask: Uint8Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;

    const x = image[v] ?? 0;
    if (x < min) min = x;
    if (x > max) max = x;
  }

  return { min, max };
}

/**
 * IBSI discretisation. Fixed bin size: floor((x - lower) / w) + 1, the lower bound being
 * the re-segmentation minimum where there is one. Fixed bin number: floor(N (x - min) /
 * (max - min)) + 1, with the maximum put in bin N.
 */
export function discretise(image: Float64Array, mask: Uint8Array, method: Discretisation,
  rangeMin: number | null): Discretised {
  const levels = new Int32Array(mask.length);
  const { min, max } = extremes(image, mask);
  let top = 1;
  if (method.method === 'fixed-bin-size') {
    const lower = method.lowerBound ?? rangeMin ?? min;
    for (let v = 0; v < mask.length; v++) {
      if (mask[v] === 0) continue;

      const level = Math.floor(((image[v] ?? 0) - lower) / method.binSize) + 1;
      levels[v] = Math.max(1, level);
      if (level > top) top = level;
    }

    return { levels, greyLevelCount: top };
  }

  const n = method.binCount;
  const width = max - min;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;

    const level = width > 0 ? Math.floor((n * ((image[v] ?? 0) - min)) / width) + 1 : 1;
    levels[v] = Math.min(n, level);
  }

  return { levels, greyLevelCount: n };
}
