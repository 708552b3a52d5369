/**
 * An analytic, body-like CT phantom for registration tests and benchmarks: an elliptic
 * body of soft tissue, two lungs, a spine and a few soft-tissue blobs, in HU. It is
 * defined in its own anatomical frame (LPS mm, centred on 0) and rendered on any grid
 * under any pose, so the true transform between two renderings is known exactly.
 */
import { createImage, indexToPoint, type ImageGeometry, type ImageVolume, type Vec3 } from
  '../imaging/image';
import { applyMatrix, invertMatrix, type Mat3x4 } from './affine';

interface Ellipsoid {
  centerMm: Vec3;
  radiiMm: Vec3;
  hu: number;
}

const AIR_HU = -1000;

/** Painted in order; later shapes overwrite earlier ones. Body is long in z (cylinder). */
const SHAPES: Ellipsoid[] = [
  { centerMm: [0, 0, 0], radiiMm: [150, 105, 400], hu: 40 },
  { centerMm: [-62, -8, 10], radiiMm: [48, 62, 95], hu: -850 },
  { centerMm: [64, -4, 0], radiiMm: [46, 58, 90], hu: -840 },
  { centerMm: [0, 72, 0], radiiMm: [16, 16, 400], hu: 450 },
  { centerMm: [5, -40, -20], radiiMm: [35, 30, 45], hu: 70 },
  { centerMm: [-60, 0, 30], radiiMm: [9, 9, 9], hu: 60 },
  { centerMm: [55, 15, -35], radiiMm: [12, 8, 10], hu: 55 },
  { centerMm: [70, -20, 40], radiiMm: [7, 7, 7], hu: 65 },
];

/** Width (mm) of the soft edge, so that the image is smooth like a real partial volume. */
const EDGE_MM = 1.5;

function coverage(shape: Ellipsoid, p: Vec3): number {
  let sum = 0;
  for (let a = 0; a < 3; a++) {
    const d = ((p[a] ?? 0) - (shape.centerMm[a] ?? 0)) / (shape.radiiMm[a] ?? 1);
    sum += d * d;
  }
  const minRadius = Math.min(...shape.radiiMm);
  const signedMm = (Math.sqrt(sum) - 1) * minRadius;

  return Math.min(1, Math.max(0, 0.5 - signedMm / (2 * EDGE_MM)));
}

/** HU of the phantom at an anatomical point. */
export function phantomHu(p: Vec3): number {
  let hu = AIR_HU;
  for (const shape of SHAPES) {
    const w = coverage(shape, p);
    if (w > 0) hu = hu + w * (shape.hu - hu);
  }

  return hu;
}

/** Centres of the small blobs (anatomical frame), handy as known test points. */
export const PHANTOM_LANDMARKS_MM: Vec3[] = SHAPES.slice(4).map((s) => s.centerMm);

/**
 * Renders the phantom on `grid` with the anatomy placed by `pose` (anatomical point ↦
 * patient point). The voxel at patient point y shows the anatomy at pose⁻¹(y).
 */
export function renderPhantom(grid: ImageGeometry, pose: Mat3x4): ImageVolume {
  const image = createImage(grid, 'int16');
  const toAnatomy = invertMatrix(pose);
  const [nx, ny, nz] = grid.size;
  let n = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const y = indexToPoint(grid, [i, j, k]);
        image.data[n++] = Math.round(phantomHu(applyMatrix(toAnatomy, y)));
      }
    }
  }

  return image;
}

/** A grid of `size` voxels centred on the patient origin, identity direction. */
export function centredGrid(size: Vec3, spacingMm: Vec3): ImageGeometry {
  const originMm = size.map((n, a) => (-(n - 1) * (spacingMm[a] ?? 1)) / 2) as Vec3;

  return { size, spacingMm, originMm, direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] };
}
