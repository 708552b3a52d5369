import type { Roi } from '../roi/prepare';
import { latticeOf, latticeOffsets } from './lattice';

const FACE_3D = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]] as const;

/**
 * Distance of each morphological-mask voxel to the ROI edge in face steps (6-connected in
 * 3-D, 4-connected within the slice in 2-D): 1 for a voxel with a face on the outside.
 * The GLDZM takes the morphological mask here (IBSI family table); 0 outside the mask.
 * Indexed like the ROI lattice (padded grid), whose empty border is the crop's outside.
 */
export function edgeDistanceMap(roi: Roi, inSlice: boolean): Int32Array {
  const lattice = latticeOf(roi);
  const mask = lattice.morphMask;
  const faces = latticeOffsets(lattice, inSlice ? FACE_3D.slice(0, 4) : FACE_3D);
  const distance = new Int32Array(mask.length);
  const queue = new Int32Array(mask.length);
  let tail = 0;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;

    let edge = false;
    for (let f = 0; f < faces.length && !edge; f++) edge = mask[v + faces[f]!] === 0;
    if (edge) {
      distance[v] = 1;
      queue[tail++] = v;
    }
  }

  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let f = 0; f < faces.length; f++) {
      const u = v + faces[f]!;
      if (mask[u] === 0 || distance[u] !== 0) continue;

      distance[u] = distance[v]! + 1;
      queue[tail++] = u;
    }
  }

  return distance;
}
