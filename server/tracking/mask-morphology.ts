/**
 * Small mask operations for propagation: bounding boxes and a box dilation by a margin
 * in millimetres (radius ceil(margin / spacing) voxels per axis). A box rather than a
 * ball: it is separable and cheap, and reaches up to √3 times further along diagonals,
 * which only widens the search neighbourhood.
 */
import type { ImageVolume, Vec3 } from '../imaging/image';

export interface Box {
  min: Vec3;
  max: Vec3;
}

export function boundingBox(mask: ImageVolume): Box | undefined {
  const [nx, ny] = mask.size;
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  mask.data.forEach((v, n) => {
    if (v === 0) return;
    const index = [n % nx, Math.floor(n / nx) % ny, Math.floor(n / (nx * ny))];
    index.forEach((c, a) => {
      min[a] = Math.min(min[a] ?? c, c);
      max[a] = Math.max(max[a] ?? c, c);
    });
  });

  return min[0] === Infinity ? undefined : { min, max };
}

export function marginVoxels(spacingMm: Vec3, marginMm: number): Vec3 {
  return spacingMm.map((s) => Math.ceil(marginMm / s - 1e-9)) as Vec3;
}

/** Box dilation of a 0/1 mask by `radius` voxels per axis, as a new uint8 mask. */
export function dilateBox(mask: ImageVolume, radius: Vec3): ImageVolume {
  let current: Uint8Array = Uint8Array.from(mask.data, (v) => (v !== 0 ? 1 : 0));
  for (let axis = 0; axis < 3; axis++) {
    current = dilateAxis(current, mask.size, axis, radius[axis] ?? 0);
  }

  return { ...mask, pixelType: 'uint8', data: current };
}

/** Indices of the up to six face neighbours of voxel n inside the grid. */
export function faceNeighbours(n: number, size: Vec3): number[] {
  const [nx, ny, nz] = size;
  const i = n % nx;
  const j = Math.floor(n / nx) % ny;
  const k = Math.floor(n / (nx * ny));
  const out: number[] = [];
  if (i > 0) out.push(n - 1);
  if (i < nx - 1) out.push(n + 1);
  if (j > 0) out.push(n - nx);
  if (j < ny - 1) out.push(n + nx);
  if (k > 0) out.push(n - nx * ny);
  if (k < nz - 1) out.push(n + nx * ny);

  return out;
}

/**
 * The mask with its holes filled: background voxels that no face-connected path of
 * background joins to the grid's border become mask. Noise leaves such holes in a lesion
 * grown by an intensity window.
 */
export function fillHoles(mask: ImageVolume): ImageVolume {
  const [nx, ny, nz] = mask.size;
  const outside = new Uint8Array(mask.data.length);
  const stack: number[] = [];
  mask.data.forEach((v, n) => {
    const i = n % nx;
    const j = Math.floor(n / nx) % ny;
    const k = Math.floor(n / (nx * ny));
    const border = i === 0 || j === 0 || k === 0 || i === nx - 1 || j === ny - 1 || k === nz - 1;
    if (v === 0 && border) {
      outside[n] = 1;
      stack.push(n);
    }
  });
  while (stack.length > 0) {
    for (const m of faceNeighbours(stack.pop() ?? 0, mask.size)) {
      if (outside[m] === 1 || mask.data[m] !== 0) continue;
      outside[m] = 1;
      stack.push(m);
    }
  }

  return { ...mask, pixelType: 'uint8', data: outside.map((v) => 1 - v) };
}

function dilateAxis(data: Uint8Array, size: Vec3, axis: number, r: number): Uint8Array {
  if (r === 0) return data;
  const out = new Uint8Array(data.length);
  const stride = axis === 0 ? 1 : axis === 1 ? size[0] : size[0] * size[1];
  const length = size[axis] ?? 1;
  for (let n = 0; n < data.length; n++) {
    if (data[n] === 0) continue;
    const position = Math.floor(n / stride) % length;
    const from = Math.max(0, position - r);
    const to = Math.min(length - 1, position + r);
    for (let p = from; p <= to; p++) out[n + (p - position) * stride] = 1;
  }

  return out;
}
