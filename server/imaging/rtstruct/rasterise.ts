/**
 * rasteriseRoi: an RT Structure Set ROI as a binary mask on an image grid. Each closed
 * planar contour goes to the slice whose plane it lies in, and each slice is filled by
 * the even-odd rule at voxel centres over all its contours together, so a contour inside
 * another cuts a hole (the convention of the IBSI CT phantom and of most planning systems).
 *
 * Known shortcomings: contours must be parallel to the image slices (an oblique structure
 * set would need each contour resampled onto the grid in 3-D); a voxel centre exactly on
 * an edge counts as inside on the low-i and low-j sides only (the half-open rule), where
 * some planning systems fill partial-volume fractions instead; and the frame of reference
 * is not compared with the image's here, which the caller must do when both are known.
 */
import { AppError } from '@/server/lib/errors';
import { createImage, pointToIndex, type ImageGeometry, type ImageVolume } from '../image';
import type { RtRoi } from './types';

/** In-plane vertices in voxel-index units (i, j pairs), on one slice. */
type Polygon = Float64Array;

/** A contour may tilt this far (in slices) across its points and still count as planar. */
const PLANAR_SLICES = 0.05;

function toSlice(roi: RtRoi, geometry: ImageGeometry, contour: RtRoi['contours'][number]):
  { k: number; polygon: Polygon } {
  const polygon = new Float64Array(contour.pointsMm.length * 2);
  let kMin = Infinity;
  let kMax = -Infinity;
  contour.pointsMm.forEach((point, p) => {
    const [i, j, k] = pointToIndex(geometry, point);
    polygon[2 * p] = i;
    polygon[2 * p + 1] = j;
    kMin = Math.min(kMin, k);
    kMax = Math.max(kMax, k);
  });
  if (kMax - kMin > PLANAR_SLICES) {
    throw new AppError('BAD_INPUT', `ROI "${roi.name}" has a contour across ` +
      `${(kMax - kMin).toFixed(2)} slices.`, { userMessage: `ROI "${roi.name}" is not ` +
      'drawn on planes parallel to the image slices: pick the image series it was drawn on.' });
  }

  // Nearest slice: a plane within half a slice spacing of a slice centre belongs to it.
  return { k: Math.round((kMin + kMax) / 2), polygon };
}

/** Even-odd fill of one slice: voxel i is inside when an odd number of edges cross its row
 *  at or to the right of its centre (half-open in j so shared vertices count once). */
function fillSlice(mask: Uint8Array, offset: number, nx: number, ny: number,
  polygons: Polygon[]): void {
  const crossings: number[] = [];
  for (let j = 0; j < ny; j++) {
    crossings.length = 0;
    for (const polygon of polygons) addCrossings(polygon, j, crossings);
    crossings.sort((a, b) => a - b);
    for (let c = 0; c + 1 < crossings.length; c += 2) {
      const from = Math.max(0, Math.ceil(crossings[c]!));
      const to = Math.min(nx, Math.ceil(crossings[c + 1]!));
      for (let i = from; i < to; i++) mask[offset + j * nx + i] = 1;
    }
  }
}

function addCrossings(polygon: Polygon, j: number, out: number[]): void {
  const n = polygon.length / 2;
  for (let p = 0, q = n - 1; p < n; q = p++) {
    const [ip, jp, iq, jq] = [polygon[2 * p]!, polygon[2 * p + 1]!, polygon[2 * q]!,
      polygon[2 * q + 1]!];
    if (jp > j === jq > j) continue;

    out.push(ip + ((j - jp) * (iq - ip)) / (jq - jp));
  }
}

/** The ROI on `geometry` (uint8, 1 inside); contours off the grid's slices are left out. */
export function rasteriseRoi(roi: RtRoi, geometry: ImageGeometry): ImageVolume {
  const mask = createImage(geometry, 'uint8');
  const [nx, ny, nz] = geometry.size;
  const bySlice = new Map<number, Polygon[]>();
  for (const contour of roi.contours) {
    const { k, polygon } = toSlice(roi, geometry, contour);
    if (k < 0 || k >= nz) continue;

    bySlice.set(k, [...(bySlice.get(k) ?? []), polygon]);
  }
  for (const [k, polygons] of bySlice) {
    fillSlice(mask.data as Uint8Array, k * nx * ny, nx, ny, polygons);
  }

  return mask;
}
