/**
 * Voxel geometry for viewer tools that work in patient millimetres: the LPS point of a
 * voxel, the voxel nearest an LPS point, and a sphere drawn as a cropped mask so the
 * canvas outlines it like any lesion mask.
 */
import {
  indexToPoint, pointToIndex, type ImageGeometry, type Vec3,
} from '@/server/imaging/image';

export type VoxelGrid = ImageGeometry;

// The same maths the server uses: one definition of where a voxel lies.
export { indexToPoint as voxelToLps, pointToIndex as lpsToVoxel };

/**
 * The voxels whose centre lies within `radiusMm` of an LPS centre, as a mask cropped to
 * its box ([i0, j0, k0, i1, j1, k1], inclusive) and clipped to the grid; null when the
 * sphere misses the grid.
 */
export function sphereMask(
  grid: VoxelGrid,
  centreMm: readonly number[],
  radiusMm: number,
): { bbox: number[]; data: Uint8Array } | null {
  const c = pointToIndex(grid, centreMm as Vec3);
  const reach = [0, 1, 2].map((n) => Math.ceil(radiusMm / (grid.spacingMm[n] ?? 1)));
  const lo = [0, 1, 2].map((n) => Math.max(0, Math.floor((c[n] ?? 0) - (reach[n] ?? 0))));
  const hi = [0, 1, 2].map((n) =>
    Math.min((grid.size[n] ?? 1) - 1, Math.ceil((c[n] ?? 0) + (reach[n] ?? 0))));
  if ([0, 1, 2].some((n) => (lo[n] ?? 0) > (hi[n] ?? -1))) return null;

  const [i0 = 0, j0 = 0, k0 = 0] = lo;
  const [i1 = 0, j1 = 0, k1 = 0] = hi;
  const bx = i1 - i0 + 1;
  const by = j1 - j0 + 1;
  const data = new Uint8Array(bx * by * (k1 - k0 + 1));
  let inside = 0;
  for (let k = k0; k <= k1; k++) {
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        const p = indexToPoint(grid, [i, j, k]);
        const d = Math.hypot(p[0] - (centreMm[0] ?? 0), p[1] - (centreMm[1] ?? 0),
          p[2] - (centreMm[2] ?? 0));
        if (d > radiusMm) continue;
        data[(k - k0) * bx * by + (j - j0) * bx + (i - i0)] = 1;
        inside++;
      }
    }
  }

  return inside === 0 ? null : { bbox: [i0, j0, k0, i1, j1, k1], data };
}
