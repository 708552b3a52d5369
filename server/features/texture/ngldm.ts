import type { Roi } from '../roi/prepare';
import { forEachNeighbourhood } from './neighbourhood';
import { addCount, emptySizeMatrix, sizeMatrixFamily, type SizeMatrix } from './sizeMatrix';

export const NGLDM_FAMILY = sizeMatrixFamily('ngl', ['lde', 'hde', 'lgce', 'hgce', 'ldlge',
  'ldhge', 'hdlge', 'hdhge', 'glnu', 'glnu.norm', 'dcnu', 'dcnu.norm', 'dc.perc', 'gl.var',
  'dc.var', 'dc.entr', 'dc.energy']);

/**
 * Neighbouring grey level dependence matrices by slice (or one for the volume): each voxel
 * counts at (its level, 1 + the ROI neighbours within `coarseness` of its level).
 */
export function ngldmMatrices(roi: Roi, inSlice: boolean, coarseness: number):
  Map<number, SizeMatrix> {
  const groups = new Map<number, SizeMatrix>();
  forEachNeighbourhood(roi, inSlice, (key, level, neighbours, count) => {
    let m = groups.get(key);
    if (!m) {
      m = emptySizeMatrix();
      groups.set(key, m);
    }
    let dependence = 1;
    for (let k = 0; k < count; k++) {
      if (Math.abs((neighbours[k] ?? 0) - level) <= coarseness) dependence++;
    }
    addCount(m, level, dependence);
    m.voxelCount++;
  });

  return groups;
}
