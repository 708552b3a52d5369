/**
 * Overlap between lesion masks on one shared grid, kept as sorted voxel indices so that
 * comparing two lesions costs their sizes, not the size of the whole volume.
 */
import type { ImageVolume } from '../imaging/image';

export function maskIndices(mask: ImageVolume): Int32Array {
  const out: number[] = [];
  mask.data.forEach((v, n) => {
    if (v !== 0) out.push(n);
  });

  return Int32Array.from(out);
}

export function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }

  return count;
}

export function dice(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;

  return total === 0 ? 0 : (2 * intersectionSize(a, b)) / total;
}

/** Share of `piece` that lies inside `whole`. */
export function containment(piece: Int32Array, whole: Int32Array): number {
  return piece.length === 0 ? 0 : intersectionSize(piece, whole) / piece.length;
}

export function sameGrid(a: ImageVolume, b: ImageVolume): boolean {
  const equal = (x: readonly number[], y: readonly number[]) =>
    x.every((v, i) => Math.abs(v - (y[i] ?? NaN)) < 1e-6);

  return equal(a.size, b.size) && equal(a.spacingMm, b.spacingMm)
    && equal(a.originMm, b.originMm) && equal(a.direction, b.direction);
}
