/**
 * Cutting the part of a CT that a carried lesion mask can reach, so propagation works on
 * a few thousand voxels instead of a whole thin-slice CT.
 */
import {
  createImage, indexToPoint, pointToIndex, type ImageVolume, type Vec3,
} from '@/server/imaging/image';
import { applyMatrix, type Mat3x4 } from '@/server/tracking/affine';

/** Inclusive voxel box [i0, j0, k0, i1, j1, k1]. */
export type VoxelBox = [number, number, number, number, number, number];

/**
 * The box of `target` voxels that the corners of `mask`'s grid land in under `matrix`
 * (mask space ↦ target space), widened by `marginMm` on every side and clipped to the
 * target; null when the box misses the target entirely.
 */
export function reachBox(
  mask: ImageVolume, matrix: Mat3x4, target: ImageVolume, marginMm: number,
): VoxelBox | null {
  const [nx, ny, nz] = mask.size;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (const corner of [0, 1, 2, 3, 4, 5, 6, 7]) {
    const index: Vec3 = [corner & 1 ? nx : -1, corner & 2 ? ny : -1, corner & 4 ? nz : -1];
    const at = pointToIndex(target, applyMatrix(matrix, indexToPoint(mask, index)));
    at.forEach((v, a) => {
      lo[a] = Math.min(lo[a]!, v);
      hi[a] = Math.max(hi[a]!, v);
    });
  }
  const box = [0, 1, 2, 0, 1, 2].map((a, n) => {
    const pad = Math.ceil(marginMm / target.spacingMm[a]!);
    const v = n < 3 ? Math.floor(lo[a]!) - pad : Math.ceil(hi[a]!) + pad;

    return Math.min(Math.max(v, 0), target.size[a]! - 1);
  }) as VoxelBox;

  return box[0] <= box[3] && box[1] <= box[4] && box[2] <= box[5] ? box : null;
}

/** The voxels of `box` as an image of their own, at the same positions in space. */
export function cropVolume(image: ImageVolume, box: VoxelBox): ImageVolume {
  const [i0, j0, k0, i1, j1, k1] = box;
  const size: Vec3 = [i1 - i0 + 1, j1 - j0 + 1, k1 - k0 + 1];
  const out = createImage({ ...image, size, originMm: indexToPoint(image, [i0, j0, k0]) },
    image.pixelType);
  const [nx, ny] = image.size;
  let n = 0;
  for (let k = k0; k <= k1; k++) {
    for (let j = j0; j <= j1; j++) {
      const start = (k * ny + j) * nx;
      out.data.set(image.data.subarray(start + i0, start + i1 + 1), n);
      n += size[0];
    }
  }

  return out;
}
