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
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const value = read(applyMatrix(m, [i, j, k]));
        out.data[n++] = value ?? outsideValue;
      }
    }
  }

  return out;
}

type Reader = (index: Vec3) => number | undefined;

function nearestReader(v: ImageVolume): Reader {
  const [nx, ny, nz] = v.size;

  return ([x, y, z]) => {
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
  const inside = (c: number, n: number) => c >= -0.5 && c <= n - 0.5;

  return ([x, y, z]) => {
    if (!inside(x, nx) || !inside(y, ny) || !inside(z, nz)) return undefined;
    const cx = Math.min(Math.max(x, 0), nx - 1);
    const cy = Math.min(Math.max(y, 0), ny - 1);
    const cz = Math.min(Math.max(z, 0), nz - 1);
    const i0 = Math.min(Math.floor(cx), nx - 2 < 0 ? 0 : nx - 2);
    const j0 = Math.min(Math.floor(cy), ny - 2 < 0 ? 0 : ny - 2);
    const k0 = Math.min(Math.floor(cz), nz - 2 < 0 ? 0 : nz - 2);
    const fx = cx - i0;
    const fy = cy - j0;
    const fz = cz - k0;
    const at = (i: number, j: number, k: number) =>
      v.data[(Math.min(k, nz - 1) * ny + Math.min(j, ny - 1)) * nx + Math.min(i, nx - 1)] ?? 0;
    const plane = (k: number) =>
      (at(i0, j0, k) * (1 - fx) + at(i0 + 1, j0, k) * fx) * (1 - fy)
      + (at(i0, j0 + 1, k) * (1 - fx) + at(i0 + 1, j0 + 1, k) * fx) * fy;

    return plane(k0) * (1 - fz) + plane(k0 + 1) * fz;
  };
}
