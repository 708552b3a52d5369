/** Small helpers for walking an image grid: voxel centres, spheres, connected regions. */
import type { ImageGeometry, ImageVolume, Vec3 } from '@/server/imaging/image';
import { indexToPoint } from '@/server/imaging/image';

/** Patient positions (LPS, mm) of every voxel centre, x, y, z interleaved. */
export function voxelCentres(grid: ImageGeometry): Float64Array {
  const [nx, ny, nz] = grid.size;
  const out = new Float64Array(nx * ny * nz * 3);
  let n = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, n += 3) out.set(indexToPoint(grid, [i, j, k]), n);
    }
  }

  return out;
}

/** Index offsets of the voxels whose centres lie within `radiusMm` of a voxel centre. */
export function sphereOffsets(grid: ImageGeometry, radiusMm: number): Vec3[] {
  const [sx, sy, sz] = grid.spacingMm;
  const reach = [radiusMm / sx, radiusMm / sy, radiusMm / sz].map(Math.floor);
  const offsets: Vec3[] = [];
  for (let dk = -reach[2]!; dk <= reach[2]!; dk++) {
    for (let dj = -reach[1]!; dj <= reach[1]!; dj++) {
      for (let di = -reach[0]!; di <= reach[0]!; di++) {
        const d2 = (di * sx) ** 2 + (dj * sy) ** 2 + (dk * sz) ** 2;
        if (d2 <= radiusMm * radiusMm + 1e-9) offsets.push([di, dj, dk]);
      }
    }
  }

  return offsets;
}

/** The largest 6-connected region of `inside`, as a 0/1 array on the same grid. */
export function largestRegion(inside: Uint8Array, size: Vec3): Uint8Array {
  const [nx, ny, nz] = size;
  const label = new Int32Array(inside.length);
  const queue = new Int32Array(inside.length);
  let best = { id: 0, count: 0 };
  let next = 0;
  for (let seed = 0; seed < inside.length; seed++) {
    if (!inside[seed] || label[seed]) continue;
    const id = ++next;
    let [head, tail] = [0, 0];
    queue[tail++] = seed;
    label[seed] = id;
    while (head < tail) {
      const v = queue[head++]!;
      const i = v % nx;
      const j = Math.floor(v / nx) % ny;
      const k = Math.floor(v / (nx * ny));
      const neighbours = [
        i > 0 ? v - 1 : -1,
        i < nx - 1 ? v + 1 : -1,
        j > 0 ? v - nx : -1,
        j < ny - 1 ? v + nx : -1,
        k > 0 ? v - nx * ny : -1,
        k < nz - 1 ? v + nx * ny : -1,
      ];
      for (const w of neighbours) {
        if (w < 0 || !inside[w] || label[w]) continue;
        label[w] = id;
        queue[tail++] = w;
      }
    }
    if (tail > best.count) best = { id, count: tail };
  }

  return Uint8Array.from(label, (l) => (best.id !== 0 && l === best.id ? 1 : 0));
}

/** Patient positions of a mask's voxels (value >= 0.5). */
export function maskPoints(mask: ImageVolume): Vec3[] {
  const [nx, ny] = mask.size;
  const points: Vec3[] = [];
  mask.data.forEach((v, n) => {
    if (v < 0.5) return;
    points.push(indexToPoint(mask, [n % nx, Math.floor(n / nx) % ny, Math.floor(n / (nx * ny))]));
  });

  return points;
}
