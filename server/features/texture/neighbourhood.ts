import type { Roi } from '../roi/prepare';
import { inside, neighbourOffsets } from './directions';

/** Linear grid offsets of the neighbours, and a per-voxel test for needing bounds checks. */
export function linearOffsets(roi: Roi, inSlice: boolean): {
  offsets: Int32Array;
  steps: readonly (readonly [number, number, number])[];
  onBorder: (x: number, y: number, z: number) => boolean;
} {
  const [nx, ny, nz] = roi.size;
  const steps = neighbourOffsets(inSlice);
  const offsets = Int32Array.from(steps, ([dx, dy, dz]) => dx + nx * (dy + ny * dz));
  const onBorder = (x: number, y: number, z: number) =>
    x === 0 || y === 0 || x === nx - 1 || y === ny - 1 || (!inSlice && (z === 0 || z === nz - 1));

  return { offsets, steps, onBorder };
}

/**
 * Visit each ROI voxel with the levels of its ROI neighbours (26 in 3-D, 8 in-slice);
 * neighbours outside the ROI or the grid are left out, as IBSI allows for incomplete
 * neighbourhoods. Voxels off the grid border (nearly all: the crop has a margin) skip
 * the bounds checks.
 */
export function forEachNeighbourhood(roi: Roi, inSlice: boolean,
  visit: (voxel: number, level: number, neighbours: Int32Array, count: number) => void): void {
  const [nx, ny, nz] = roi.size;
  const shape = { nx, ny, nz };
  const levels = roi.levels;
  const { offsets, steps, onBorder } = linearOffsets(roi, inSlice);
  const buffer = new Int32Array(offsets.length);
  for (const v of roi.voxels) {
    const x = v % nx;
    const y = Math.floor(v / nx) % ny;
    const z = Math.floor(v / (nx * ny));
    const checked = onBorder(x, y, z);
    let count = 0;
    for (let k = 0; k < offsets.length; k++) {
      if (checked) {
        const [dx, dy, dz] = steps[k]!;
        if (!inside(shape, x + dx, y + dy, z + dz)) continue;
      }
      const level = levels[v + offsets[k]!]!;
      if (level > 0) buffer[count++] = level;
    }
    visit(v, levels[v]!, buffer, count);
  }
}

/** Group key of a voxel: its slice in slice mode, else 0. */
export function groupKey(roi: Roi, inSlice: boolean, voxel: number): number {
  return inSlice ? Math.floor(voxel / (roi.size[0] * roi.size[1])) : 0;
}
