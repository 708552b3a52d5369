/**
 * 3D connected components of a mask with 26-connectivity (voxels touching by a face,
 * an edge or a corner belong together), the usual choice for lesions so that a thin
 * oblique bridge of tissue does not split one lesion in two.
 */
import type { ImageVolume } from '../imaging/image';

export interface Components {
  /** 0 for background, 1..count for each component, one per voxel. */
  labels: Int32Array;
  /** sizes[c] is the voxel count of component c (sizes[0] unused). */
  sizes: number[];
  count: number;
}

/** Voxel is in the mask: equal to `label` when given, otherwise any non-zero value. */
export function inMask(value: number | undefined, label?: number): boolean {
  return label === undefined ? (value ?? 0) !== 0 : value === label;
}

export function labelComponents(mask: ImageVolume, label?: number): Components {
  const [nx, ny, nz] = mask.size;
  const labels = new Int32Array(mask.data.length);
  const sizes = [0];
  const stack: number[] = [];
  for (let start = 0; start < labels.length; start++) {
    if (labels[start] !== 0 || !inMask(mask.data[start], label)) continue;
    const id = sizes.length;
    sizes.push(0);
    labels[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const n = stack.pop() ?? 0;
      sizes[id] = (sizes[id] ?? 0) + 1;
      const i = n % nx;
      const j = Math.floor(n / nx) % ny;
      const k = Math.floor(n / (nx * ny));
      for (let dk = -1; dk <= 1; dk++) {
        for (let dj = -1; dj <= 1; dj++) {
          for (let di = -1; di <= 1; di++) {
            const a = i + di;
            const b = j + dj;
            const c = k + dk;
            if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) continue;
            const m = (c * ny + b) * nx + a;
            if (labels[m] !== 0 || !inMask(mask.data[m], label)) continue;
            labels[m] = id;
            stack.push(m);
          }
        }
      }
    }
  }

  return { labels, sizes, count: sizes.length - 1 };
}
