import type { Roi } from '../roi/prepare';
import type { MatrixFamily } from './aggregate';
import { glcmFeatures } from './glcmFeatures';
import { inside, type Direction } from './directions';

/** A symmetric co-occurrence count matrix, ng x ng, row-major, levels 1..ng at 0..ng-1. */
export interface Glcm {
  ng: number;
  counts: Float64Array;
}

/**
 * Co-occurrence matrices per direction for the voxels of one slice (z given) or of the
 * whole volume (z null). Both orders of each pair are counted, so the matrix is symmetric.
 */
export function cooccurrences(roi: Roi, directions: readonly Direction[], z: number | null):
  Glcm[] {
  const [nx, ny, nz] = roi.size;
  const shape = { nx, ny, nz };
  const ng = roi.greyLevelCount;
  const matrices = directions.map(() => ({ ng, counts: new Float64Array(ng * ng) }));
  const [z0, z1] = z === null ? [0, nz - 1] : [z, z];
  const levels = roi.levels;
  for (let zz = z0; zz <= z1; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const i = levels[x + nx * (y + ny * zz)] ?? 0;
        if (i === 0) continue;

        directions.forEach(([dx, dy, dz], d) => {
          if (!inside(shape, x + dx, y + dy, zz + dz)) return;
          const j = levels[x + dx + nx * (y + dy + ny * (zz + dz))] ?? 0;
          if (j === 0) return;

          const counts = matrices[d]!.counts;
          counts[(i - 1) * ng + j - 1]! += 1;
          counts[(j - 1) * ng + i - 1]! += 1;
        });
      }
    }
  }

  return matrices;
}

export const GLCM_FAMILY: MatrixFamily<Glcm> = {
  merge(matrices) {
    const ng = matrices[0]?.ng ?? 0;
    const counts = new Float64Array(ng * ng);
    for (const m of matrices) {
      for (let k = 0; k < counts.length; k++) counts[k]! += m.counts[k] ?? 0;
    }

    return { ng, counts };
  },
  features: glcmFeatures,
  isEmpty: (m) => !m.counts.some((c) => c > 0),
};
