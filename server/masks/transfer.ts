import type { ImageGeometry, Vec3 } from '@/server/imaging/image';
import { indexToPoint, pointToIndex } from '@/server/imaging/image';

/** A mask cropped to its inclusive bounding box [i0, j0, k0, i1, j1, k1], i fastest. */
export interface CroppedMask {
  bbox: number[];
  data: Uint8Array;
}

/**
 * Carries a cropped mask onto another grid of the same frame of reference (a PET or MR
 * of the timepoint whose CT the SEG was drawn on, or a registered series re-expressed in
 * the CT's frame, see series-frame.ts): a target voxel is inside when the
 * source voxel nearest to its centre is. Only the target voxels whose centres fall in
 * the source box are visited, so the cost follows the lesion, not the image.
 */
export function transferMask(
  mask: CroppedMask,
  source: ImageGeometry,
  target: ImageGeometry,
): CroppedMask {
  const [i0 = 0, j0 = 0, k0 = 0, i1 = -1, j1 = -1, k1 = -1] = mask.bbox;
  if (i1 < i0) return { bbox: [0, 0, 0, -1, -1, -1], data: new Uint8Array(0) };

  const box = targetBox(
    source,
    target,
    [i0 - 0.5, j0 - 0.5, k0 - 0.5],
    [i1 + 0.5, j1 + 0.5, k1 + 0.5],
  );
  const [a0, b0, c0, a1, b1, c1] = box as [number, number, number, number, number, number];
  const nx = a1 - a0 + 1;
  const ny = b1 - b0 + 1;
  const out = new Uint8Array(Math.max(0, nx * ny * (c1 - c0 + 1)));
  const sx = i1 - i0 + 1;
  const sy = j1 - j0 + 1;
  let any = false;

  for (let c = c0; c <= c1; c++) {
    for (let b = b0; b <= b1; b++) {
      for (let a = a0; a <= a1; a++) {
        const [u, v, w] = pointToIndex(source, indexToPoint(target, [a, b, c]));
        const i = Math.round(u) - i0;
        const j = Math.round(v) - j0;
        const k = Math.round(w) - k0;
        if (i < 0 || j < 0 || k < 0 || i >= sx || j >= sy || k > k1 - k0) continue;
        if (mask.data[(k * sy + j) * sx + i] !== 1) continue;
        out[((c - c0) * ny + (b - b0)) * nx + (a - a0)] = 1;
        any = true;
      }
    }
  }

  return any
    ? tighten({ bbox: box, data: out })
    : { bbox: [0, 0, 0, -1, -1, -1], data: new Uint8Array(0) };
}

/** Shrinks a cropped mask's box to the voxels that are set. */
export function tighten(mask: CroppedMask): CroppedMask {
  const [a0 = 0, b0 = 0, c0 = 0, a1 = -1, b1 = -1] = mask.bbox;
  const nx = a1 - a0 + 1;
  const ny = b1 - b0 + 1;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  mask.data.forEach((v, n) => {
    if (!v) return;
    const p = [n % nx, Math.floor(n / nx) % ny, Math.floor(n / (nx * ny))];
    for (let a = 0; a < 3; a++) {
      lo[a] = Math.min(lo[a] as number, p[a] as number);
      hi[a] = Math.max(hi[a] as number, p[a] as number);
    }
  });
  const [x0, y0, z0] = lo as [number, number, number];
  const [x1, y1, z1] = hi as [number, number, number];
  const mx = x1 - x0 + 1;
  const my = y1 - y0 + 1;
  const data = new Uint8Array(mx * my * (z1 - z0 + 1));
  for (let z = z0; z <= z1; z++) {
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        data[((z - z0) * my + (y - y0)) * mx + (x - x0)] = mask.data[(z * ny + y) * nx + x] ?? 0;
      }
    }
  }

  return { bbox: [a0 + x0, b0 + y0, c0 + z0, a0 + x1, b0 + y1, c0 + z1], data };
}

/** The target voxel box covering the source box's eight corners, clipped to the target. */
function targetBox(source: ImageGeometry, target: ImageGeometry, lo: Vec3, hi: Vec3) {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const x of [lo[0], hi[0]]) {
    for (const y of [lo[1], hi[1]]) {
      for (const z of [lo[2], hi[2]]) {
        const t = pointToIndex(target, indexToPoint(source, [x, y, z]));
        for (let a = 0; a < 3; a++) {
          min[a] = Math.min(min[a] as number, t[a] as number);
          max[a] = Math.max(max[a] as number, t[a] as number);
        }
      }
    }
  }
  const clip = (v: number, axis: number) => Math.min(Math.max(v, 0), target.size[axis]! - 1);

  return [
    clip(Math.floor(min[0]), 0),
    clip(Math.floor(min[1]), 1),
    clip(Math.floor(min[2]), 2),
    clip(Math.ceil(max[0]), 0),
    clip(Math.ceil(max[1]), 1),
    clip(Math.ceil(max[2]), 2),
  ];
}
