import type { Roi } from '../roi/prepare';
import { inside, neighbourOffsets } from './directions';

/**
 * Visit each ROI voxel with the levels of its ROI neighbours (26 in 3-D, 8 in-slice);
 * neighbours outside the ROI or the grid are left out, as IBSI allows for incomplete
 * neighbourhoods. `visit` gets the voxel, its level, and the neighbour levels buffer.
 */
export function forEachNeighbourhood(roi: Roi, inSlice: boolean,
  visit: (voxel: number, level: number, neighbours: Int32Array, count: number) => void): void {
  const [nx, ny, nz] = roi.size;
  const shape = { nx, ny, nz };
  const levels = roi.levels;
  const offsets = neighbourOffsets(inSlice);
  const buffer = new Int32Array(offsets.length);
  for (const v of roi.voxels) {
    const [x, y, z] = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    let count = 0;
    for (const [dx, dy, dz] of offsets) {
      if (!inside(shape, x + dx, y + dy, z + dz)) continue;

      const level = levels[x + dx + nx * (y + dy + ny * (z + dz))] ?? 0;
      if (level > 0) buffer[count++] = level;
    }
    visit(v, levels[v] ?? 0, buffer, count);
  }
}

/** Group key of a voxel: its slice in slice mode, else 0. */
export function groupKey(roi: Roi, inSlice: boolean, voxel: number): number {
  return inSlice ? Math.floor(voxel / (roi.size[0] * roi.size[1])) : 0;
}
