import type { Roi } from '../roi/prepare';
import { neighbourOffsets } from './directions';
import { latticeOf, latticeOffsets } from './lattice';
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
 * neighbours. Each zone counts once by size and once by its smallest edge distance
 * (`edgeDistance` indexed like the ROI lattice). In slice mode the result is keyed by
 * slice; otherwise there is one group, key 0.
 */
export function zoneMatrices(roi: Roi, inSlice: boolean, edgeDistance: Int32Array):
  Map<number, ZoneMatrices> {
  const lattice = latticeOf(roi);
  const { levels, voxels, sliceStart } = lattice;
  const offsets = latticeOffsets(lattice, neighbourOffsets(inSlice));
  const visited = new Uint8Array(levels.length);
  const stack = new Int32Array(voxels.length);
  const groups = new Map<number, ZoneMatrices>();
  for (let z = 0; z < sliceStart.length - 1; z++) {
    if (sliceStart[z + 1] === sliceStart[z]) continue;

    const group = groupFor(groups, inSlice ? z : 0);
    group.sizes.voxelCount += sliceStart[z + 1]! - sliceStart[z]!;
    group.distances.voxelCount = group.sizes.voxelCount;
    for (let k = sliceStart[z]!; k < sliceStart[z + 1]!; k++) {
      const seed = voxels[k]!;
      if (visited[seed]) continue;

      const level = levels[seed]!;
      let top = 0;
      let size = 0;
      let nearest = Infinity;
      stack[top++] = seed;
      visited[seed] = 1;
      while (top > 0) {
        const v = stack[--top]!;
        size++;
        if (edgeDistance[v]! < nearest) nearest = edgeDistance[v]!;
        for (let n = 0; n < offsets.length; n++) {
          const u = v + offsets[n]!;
          if (visited[u] || levels[u] !== level) continue;

          visited[u] = 1;
          stack[top++] = u;
        }
      }
      addCount(group.sizes, level, size);
      addCount(group.distances, level, nearest);
    }
  }

  return groups;
}
