import type { Roi } from '../roi/prepare';
import { inside, type Direction } from './directions';
import { addCount, emptySizeMatrix, sizeMatrixFamily, type SizeMatrix } from './sizeMatrix';

export const GLRLM_FAMILY = sizeMatrixFamily('rlm', ['sre', 'lre', 'lgre', 'hgre', 'srlge',
  'srhge', 'lrlge', 'lrhge', 'glnu', 'glnu.norm', 'rlnu', 'rlnu.norm', 'r.perc', 'gl.var',
  'rl.var', 'rl.entr']);

/**
 * Run-length matrices per direction for one slice (z given) or the volume (z null). A run
 * starts where the voxel against the direction is outside the ROI or of another level.
 */
export function runLengths(roi: Roi, directions: readonly Direction[], z: number | null):
  SizeMatrix[] {
  const [nx, ny, nz] = roi.size;
  const shape = { nx, ny, nz };
  const levels = roi.levels;
  const [z0, z1] = z === null ? [0, nz - 1] : [z, z];
  let voxelCount = 0;
  const matrices = directions.map(() => emptySizeMatrix());
  for (let zz = z0; zz <= z1; zz++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        const level = levels[x + nx * (y + ny * zz)] ?? 0;
        if (level === 0) continue;

        voxelCount++;
        directions.forEach(([dx, dy, dz], d) => {
          const [px, py, pz] = [x - dx, y - dy, zz - dz];
          if (inside(shape, px, py, pz) && levels[px + nx * (py + ny * pz)] === level) return;

          let length = 1;
          let [cx, cy, cz] = [x + dx, y + dy, zz + dz];
          while (inside(shape, cx, cy, cz) && levels[cx + nx * (cy + ny * cz)] === level) {
            length++;
            [cx, cy, cz] = [cx + dx, cy + dy, cz + dz];
          }
          addCount(matrices[d]!, level, length);
        });
      }
    }
  }
  for (const m of matrices) m.voxelCount = voxelCount;

  return matrices;
}
