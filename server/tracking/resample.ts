/**
 * Resampling through an affine map. For every voxel centre p of the target grid the
 * source is read at T(p), where T maps target-space points to source-space points (so
 * a registration transform, fixed ↦ moving, pulls the moving image onto the fixed grid).
 */
import {
  createImage, pointToIndex, type ImageGeometry, type ImageVolume, type Vec3,
} from '../imaging/image';
import { applyMatrix, composeMatrices, type Mat3x4 } from './affine';

export type Interpolation = 'nearest' | 'linear';

export interface ResampleOptions {
  interpolation?: Interpolation;
  /** Value for target voxels that map outside the source (HU −1000 for CT air). */
  outsideValue?: number;
}

/** Index-space map: target voxel index ↦ continuous source voxel index. */
export function indexMap(target: ImageGeometry, source: ImageGeometry, t: Mat3x4): Mat3x4 {
  const toPoint = gridMatrix(target);
  const origin = pointToIndex(source, [0, 0, 0]);
  const ex = sub(pointToIndex(source, [1, 0, 0]), origin);
  const ey = sub(pointToIndex(source, [0, 1, 0]), origin);
  const ez = sub(pointToIndex(source, [0, 0, 1]), origin);
  const toIndex: Mat3x4 = [
    ex[0], ey[0], ez[0], origin[0],
    ex[1], ey[1], ez[1], origin[1],
    ex[2], ey[2], ez[2], origin[2],
  ];

  return composeMatrices(toIndex, composeMatrices(t, toPoint));
}

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/** Voxel index ↦ patient point of a grid, as a 3x4 matrix. */
export function gridMatrix(g: ImageGeometry): Mat3x4 {
  const d = g.direction;
  const s = g.spacingMm;
  const o = g.originMm;
  const m = [...Array(12)].map(() => 0) as Mat3x4;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) m[r * 4 + c] = (d[r * 3 + c] ?? 0) * (s[c] ?? 1);
    m[r * 4 + 3] = o[r] ?? 0;
  }

  return m;
}

export function resampleVolume(
  source: ImageVolume,
  target: ImageGeometry,
  targetToSource: Mat3x4,
  options: ResampleOptions = {},
): ImageVolume {
  const interpolation = options.interpolation ?? 'linear';
  const outsideValue = options.outsideValue ?? 0;
  const pixelType = interpolation === 'nearest' ? source.pixelType : 'float32';
  const out = createImage(target, pixelType);
  const m = indexMap(target, source, targetToSource);
  const read = interpolation === 'nearest' ? nearestReader(source) : linearReader(source);
  const [nx, ny, nz] = target.size;
  let n = 0;
  // Step along i by adding the map's first column instead of a matrix product per voxel.
  const [di, dj, dk] = [m[0], m[4], m[8]];
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      let [x, y, z] = applyMatrix(m, [0, j, k]);
      for (let i = 0; i < nx; i++) {
        out.data[n++] = read(x, y, z) ?? outsideValue;
        x += di;
        y += dj;
        z += dk;
      }
    }
  }

  return out;
}

type Reader = (x: number, y: number, z: number) => number | undefined;

function nearestReader(v: ImageVolume): Reader {
  const [nx, ny, nz] = v.size;

  return (x, y, z) => {
    const i = Math.round(x);
    const j = Math.round(y);
    const k = Math.round(z);
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return undefined;

    return v.data[(k * ny + j) * nx + i];
  };
}

/** Trilinear; a point up to half a voxel outside the grid clamps to the edge voxels. */
function linearReader(v: ImageVolume): Reader {
  const [nx, ny, nz] = v.size;
  const data = v.data;
  const inside = (c: number, n: number) => c >= -0.5 && c <= n - 0.5;

  return (x, y, z) => {
    if (!inside(x, nx) || !inside(y, ny) || !inside(z, nz)) return undefined;
    const cx = Math.min(Math.max(x, 0), nx - 1);
    const cy = Math.min(Math.max(y, 0), ny - 1);
    const cz = Math.min(Math.max(z, 0), nz - 1);
    const i0 = Math.floor(cx);
    const j0 = Math.floor(cy);
    const k0 = Math.floor(cz);
    // Steps to the next voxel along each axis; 0 on the last voxel, whose weight is 0.
    const si = i0 < nx - 1 ? 1 : 0;
    const sj = j0 < ny - 1 ? nx : 0;
    const sk = k0 < nz - 1 ? nx * ny : 0;
    const fx = cx - i0;
    const fy = cy - j0;
    const fz = cz - k0;
    const n = (k0 * ny + j0) * nx + i0;
    const row = (m: number) => (data[m] ?? 0) * (1 - fx) + (data[m + si] ?? 0) * fx;
    const plane = (m: number) => row(m) * (1 - fy) + row(m + sj) * fy;

    return plane(n) * (1 - fz) + plane(n + sk) * fz;
  };
}
