import type { Roi } from '../roi/prepare';
import type { MatrixFamily } from './aggregate';
import { glcmFeatures } from './glcmFeatures';
import type { Direction } from './directions';
import { latticeOf, latticeOffsets, voxelRange } from './lattice';

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
  const ng = roi.greyLevelCount;
  const lattice = latticeOf(roi);
  const { levels, voxels } = lattice;
  const offsets = latticeOffsets(lattice, directions);
  const [first, end] = voxelRange(lattice, z);
  const matrices: Glcm[] = [];
  for (let d = 0; d < offsets.length; d++) {
    const counts = new Float64Array(ng * ng);
    const offset = offsets[d]!;
    for (let k = first; k < end; k++) {
      const v = voxels[k]!;
      const j = levels[v + offset]!;
      if (j === 0) continue;

      const i = levels[v]!;
      counts[(i - 1) * ng + j - 1]! += 1;
      counts[(j - 1) * ng + i - 1]! += 1;
    }
    matrices.push({ ng, counts });
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
