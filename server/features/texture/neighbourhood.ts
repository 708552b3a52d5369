import type { Roi } from '../roi/prepare';
import { neighbourOffsets } from './directions';
import { latticeOf, latticeOffsets } from './lattice';

/**
 * Visit each ROI voxel with the levels of its ROI neighbours (26 in 3-D, 8 in-slice);
 * neighbours outside the ROI or the grid are left out, as IBSI allows for incomplete
 * neighbourhoods. `group` is the voxel's crop slice in slice mode, else 0.
 */
export function forEachNeighbourhood(roi: Roi, inSlice: boolean,
  visit: (group: number, level: number, neighbours: Int32Array, count: number) => void): void {
  const lattice = latticeOf(roi);
  const { levels, voxels, sliceStart } = lattice;
  const offsets = latticeOffsets(lattice, neighbourOffsets(inSlice));
  const buffer = new Int32Array(offsets.length);
  const slices = sliceStart.length - 1;
  for (let z = 0; z < slices; z++) {
    const group = inSlice ? z : 0;
    for (let k = sliceStart[z]!; k < sliceStart[z + 1]!; k++) {
      const v = voxels[k]!;
      let count = 0;
      for (let n = 0; n < offsets.length; n++) {
        const level = levels[v + offsets[n]!]!;
        if (level > 0) buffer[count++] = level;
      }
      visit(group, levels[v]!, buffer, count);
    }
  }
}
