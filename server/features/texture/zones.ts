import type { Roi } from '../roi/prepare';
import { inside } from './directions';
import { linearOffsets } from './neighbourhood';
import { addCount, emptySizeMatrix, sizeMatrixFamily, type SizeMatrix } from './sizeMatrix';

export const GLSZM_FAMILY = sizeMatrixFamily('szm', ['sze', 'lze', 'lgze', 'hgze', 'szlge',
  'szhge', 'lzlge', 'lzhge', 'glnu', 'glnu.norm', 'zsnu', 'zsnu.norm', 'z.perc', 'gl.var',
  'zs.var', 'zs.entr']);

export const GLDZM_FAMILY = sizeMatrixFamily('dzm', ['sde', 'lde', 'lgze', 'hgze', 'sdlge',
  'sdhge', 'ldlge', 'ldhge', 'glnu', 'glnu.norm', 'zdnu', 'zdnu.norm', 'z.perc', 'gl.var',
  'zd.var', 'zd.entr']);

/** Size-zone and distance-zone matrices of one group (a slice, or the whole volume). */
export interface ZoneMatrices {
  sizes: SizeMatrix;
  distances: SizeMatrix;
}

function groupFor(groups: Map<number, ZoneMatrices>, key: number): ZoneMatrices {
  let group = groups.get(key);
  if (!group) {
    group = { sizes: emptySizeMatrix(), distances: emptySizeMatrix() };
    groups.set(key, group);
  }

  return group;
}

/**
 * Zones are groups of same-level voxels linked through any of the 26 (3-D) or 8 (in-slice)
 * neighbours. Each zone counts once by size and once by its smallest edge distance. In
 * slice mode the result is keyed by slice; otherwise there is one group, key 0.
 */
export function zoneMatrices(roi: Roi, inSlice: boolean, edgeDistance: Int32Array):
  Map<number, ZoneMatrices> {
  const [nx, ny, nz] = roi.size;
  const shape = { nx, ny, nz };
  const levels = roi.levels;
  const { offsets, steps, onBorder } = linearOffsets(roi, inSlice);
  const visited = new Uint8Array(levels.length);
  const stack = new Int32Array(levels.length);
  const groups = new Map<number, ZoneMatrices>();
  for (const seed of roi.voxels) {
    const group = groupFor(groups, inSlice ? Math.floor(seed / (nx * ny)) : 0);
    group.sizes.voxelCount++;
    group.distances.voxelCount++;
    if (visited[seed]) continue;

    const level = levels[seed] ?? 0;
    let top = 0;
    let size = 0;
    let nearest = Infinity;
    stack[top++] = seed;
    visited[seed] = 1;
    while (top > 0) {
      const v = stack[--top] ?? 0;
      size++;
      nearest = Math.min(nearest, edgeDistance[v] ?? 0);
      const x = v % nx;
      const y = Math.floor(v / nx) % ny;
      const z = Math.floor(v / (nx * ny));
      const checked = onBorder(x, y, z);
      for (let k = 0; k < offsets.length; k++) {
        if (checked) {
          const [dx, dy, dz] = steps[k]!;
          if (!inside(shape, x + dx, y + dy, z + dz)) continue;
        }
        const u = v + offsets[k]!;
        if (visited[u] || levels[u] !== level) continue;

        visited[u] = 1;
        stack[top++] = u;
      }
    }
    addCount(group.sizes, level, size);
    addCount(group.distances, level, nearest);
  }

  return groups;
}
