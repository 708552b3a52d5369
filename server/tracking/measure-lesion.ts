/**
 * RECIST-style measurements of a lesion mask.
 *
 * "Axial" means the plane of one slice of the mask's own grid (axes i and j). For an
 * axial acquisition that is the true axial plane; for an oblique one (gantry tilt, a
 * reformatted or sagittal series) diameters are measured in the tilted slice plane as
 * acquired, which is what a reader measuring on those slices sees. Resampling to the
 * true axial plane first would be needed to measure an oblique series truly axially.
 *
 * Diameters are edge to edge: each pixel counts as the full square it covers, because
 * a reader places the caliper on the lesion's outline, not on pixel centres; a lesion
 * one pixel wide is then one pixel wide, not zero. Volume is voxel count × voxel volume.
 *
 * Volume, voxel count and centroid use every mask voxel. Diameters use the largest 3D
 * component (26-connected), so a stray speck does not stretch a diameter across empty
 * space; `componentCount` tells the caller when a mask is fragmented.
 */
import { indexToPoint, voxelVolumeMl, type ImageVolume, type Vec3 } from '../imaging/image';
import { labelComponents } from './connected-components';
import {
  longestDiameter, perpendicularDiameter, squareCorners, type Point2,
} from './planar-geometry';

export interface MeasureOptions {
  /** Count voxels equal to this label; by default every non-zero voxel. */
  label?: number;
}

export interface LesionMeasurement {
  voxelCount: number;
  volumeMl: number;
  /** Mean of the voxel centres, LPS mm. */
  centroidMm: Vec3;
  longestAxialDiameterMm: number;
  /** Longest diameter perpendicular to the long axis, in the same slice. */
  shortAxisMm: number;
  /** Slice (k index) where the longest axial diameter lies; −1 for an empty mask. */
  sliceIndex: number;
  /** That slice's position along the slice normal (direction column k), mm. */
  slicePositionMm: number;
  componentCount: number;
}

export function measureLesion(mask: ImageVolume, options: MeasureOptions = {}): LesionMeasurement {
  const components = labelComponents(mask, options.label);
  const voxelCount = components.sizes.reduce((a, b) => a + b, 0);
  if (voxelCount === 0) return emptyMeasurement();

  const largest = components.sizes.indexOf(Math.max(...components.sizes.slice(1)));
  const slices = slicePixels(mask, components.labels, largest);
  const axial = bestSlice(mask, slices);

  return {
    voxelCount,
    volumeMl: voxelCount * voxelVolumeMl(mask),
    centroidMm: centroid(mask, components.labels),
    longestAxialDiameterMm: axial.longestMm,
    shortAxisMm: axial.shortMm,
    sliceIndex: axial.k,
    slicePositionMm: slicePosition(mask, axial.k),
    componentCount: components.count,
  };
}

function emptyMeasurement(): LesionMeasurement {
  return {
    voxelCount: 0, volumeMl: 0, centroidMm: [NaN, NaN, NaN], longestAxialDiameterMm: 0,
    shortAxisMm: 0, sliceIndex: -1, slicePositionMm: NaN, componentCount: 0,
  };
}

function centroid(mask: ImageVolume, labels: Int32Array): Vec3 {
  const [nx, ny] = mask.size;
  const sum = [0, 0, 0];
  let count = 0;
  labels.forEach((label, n) => {
    if (label === 0) return;
    sum[0]! += n % nx;
    sum[1]! += Math.floor(n / nx) % ny;
    sum[2]! += Math.floor(n / (nx * ny));
    count++;
  });

  // The map from index to point is affine, so the mean index maps to the mean point.
  return indexToPoint(mask, [sum[0]! / count, sum[1]! / count, sum[2]! / count]);
}

/** In-slice pixel centres (mm, along i and j) of one component, by slice index. */
function slicePixels(mask: ImageVolume, labels: Int32Array, id: number): Map<number, Point2[]> {
  const [nx, ny] = mask.size;
  const [sx, sy] = mask.spacingMm;
  const slices = new Map<number, Point2[]>();
  labels.forEach((label, n) => {
    if (label !== id) return;
    const k = Math.floor(n / (nx * ny));
    const list = slices.get(k) ?? [];
    list.push([(n % nx) * sx, (Math.floor(n / nx) % ny) * sy]);
    slices.set(k, list);
  });

  return slices;
}

function bestSlice(
  mask: ImageVolume,
  slices: Map<number, Point2[]>,
): { k: number; longestMm: number; shortMm: number } {
  const hx = mask.spacingMm[0] / 2;
  const hy = mask.spacingMm[1] / 2;
  let best = { k: -1, longestMm: -1, centres: [] as Point2[], u: [1, 0] as Point2 };
  for (const [k, centres] of [...slices.entries()].sort((a, b) => a[0] - b[0])) {
    const d = longestDiameter(squareCorners(centres, hx, hy));
    if (d.lengthMm <= best.longestMm + 1e-9) continue;
    const u: Point2 = [(d.to[0] - d.from[0]) / d.lengthMm, (d.to[1] - d.from[1]) / d.lengthMm];
    best = { k, longestMm: d.lengthMm, centres, u };
  }
  const shortMm = perpendicularDiameter(best.centres, hx, hy, best.u);

  return { k: best.k, longestMm: best.longestMm, shortMm };
}

function slicePosition(mask: ImageVolume, k: number): number {
  const d = mask.direction;
  const normal: Vec3 = [d[2], d[5], d[8]];
  const p = indexToPoint(mask, [0, 0, k]);

  return p[0] * normal[0] + p[1] * normal[1] + p[2] * normal[2];
}
