import type { Roi } from '../roi/prepare';
import type { Direction } from './directions';
import { latticeOf, latticeOffsets, voxelRange } from './lattice';
import { addCount, emptySizeMatrix, sizeMatrixFamily, type SizeMatrix } from './sizeMatrix';

export const GLRLM_FAMILY = sizeMatrixFamily('rlm', ['sre', 'lre', 'lgre', 'hgre', 'srlge',
  'srhge', 'lrlge', 'lrhge', 'glnu', 'glnu.norm', 'rlnu', 'rlnu.norm', 'r.perc', 'gl.var',
  'rl.var', 'rl.entr']);

/**
 * Run-length matrices per direction for one slice (z given) or the volume (z null). A run
 * starts where the voxel against the direction is outside the ROI or of another level; the
 * lattice's empty border ends every run at the crop edge.
 */
export function runLengths(roi: Roi, directions: readonly Direction[], z: number | null):
  SizeMatrix[] {
  const lattice = latticeOf(roi);
  const { levels, voxels } = lattice;
  const offsets = latticeOffsets(lattice, directions);
  const [first, end] = voxelRange(lattice, z);
  const matrices: SizeMatrix[] = [];
  for (let d = 0; d < offsets.length; d++) {
    const step = offsets[d]!;
    const matrix = emptySizeMatrix(end - first);
    for (let k = first; k < end; k++) {
      const v = voxels[k]!;
      const level = levels[v]!;
      if (levels[v - step] === level) continue;

      let length = 1;
      for (let c = v + step; levels[c] === level; c += step) length++;
      addCount(matrix, level, length);
    }
    matrices.push(matrix);
  }

  return matrices;
}
