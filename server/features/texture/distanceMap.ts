import type { Roi } from '../roi/prepare';
import { inside } from './directions';

const FACE_3D = [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]] as const;

/**
 * Distance of each morphological-mask voxel to the ROI edge in face steps (6-connected in
 * 3-D, 4-connected within the slice in 2-D): 1 for a voxel with a face on the outside.
 * The GLDZM takes the morphological mask here (IBSI family table); 0 outside the mask.
 */
export function edgeDistanceMap(roi: Roi, inSlice: boolean): Int32Array {
  const [nx, ny, nz] = roi.size;
  const shape = { nx, ny, nz };
  const mask = roi.morphMask;
  const faces = inSlice ? FACE_3D.slice(0, 4) : FACE_3D;
  const distance = new Int32Array(mask.length);
  const queue = new Int32Array(mask.length);
  let tail = 0;
  const isOutside = (x: number, y: number, z: number) =>
    !inside(shape, x, y, z) || mask[x + nx * (y + ny * z)] === 0;

  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;

    const [x, y, z] = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    if (faces.some(([dx, dy, dz]) => isOutside(x + dx, y + dy, z + dz))) {
      distance[v] = 1;
      queue[tail++] = v;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head] ?? 0;
    const [x, y, z] = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (const [dx, dy, dz] of faces) {
      if (isOutside(x + dx, y + dy, z + dz)) continue;

      const u = x + dx + nx * (y + dy + ny * (z + dz));
      if (distance[u] !== 0) continue;

      distance[u] = (distance[v] ?? 0) + 1;
      queue[tail++] = u;
    }
  }

  return distance;
}
