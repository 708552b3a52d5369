/**
 * Slice order and spacing from geometry alone: positions projected on the slice normal
 * (row cosine x column cosine). File names and InstanceNumber are never consulted; they
 * are wrong often enough in exported series.
 */
import type { Vec3 } from '../../image';
import { DicomRejection } from '../rejection';
import type { Orientation, SliceRecord } from './slices';
import { cross, dot, median, norm, subtract, unit } from './vector';

/** Cosines may differ in the sixth decimal between slices of one series (DS rounding). */
const ORIENTATION_TOLERANCE = 1e-4;
/** Slices closer than this along the normal are the same position (mm). */
const SAME_POSITION_MM = 1e-3;

export interface SliceOrder {
  slices: SliceRecord[];
  rowCosine: Vec3;
  columnCosine: Vec3;
  normal: Vec3;
  /** Position of each sorted slice along the normal (mm). */
  distancesMm: number[];
}

function cosines(o: Orientation): [Vec3, Vec3] {
  return [unit([o[0], o[1], o[2]]), unit([o[3], o[4], o[5]])];
}

function checkSameGrid(slices: SliceRecord[], first: SliceRecord): void {
  for (const slice of slices) {
    const turned = slice.orientation.some(
      (v, i) => Math.abs(v - first.orientation[i]!) > ORIENTATION_TOLERANCE,
    );
    const resized = slice.rows !== first.rows || slice.columns !== first.columns;
    const respaced = slice.pixelSpacingMm.some(
      (v, i) => Math.abs(v - first.pixelSpacingMm[i]!) > 1e-4 * Math.max(1, v),
    );
    if (turned || resized || respaced) {
      const what = turned ? 'orientation' : resized ? 'image size' : 'pixel spacing';
      throw new DicomRejection(
        'INCONSISTENT_SERIES',
        slice.source,
        `its ${what} differs from ${first.source} in the same series; a series must be one ` +
          'stack of parallel, equal slices (split localisers or reformats into their own series).',
      );
    }
  }
}

function checkDistinct(slices: SliceRecord[], distancesMm: number[]): void {
  for (let i = 1; i < distancesMm.length; i++) {
    if (distancesMm[i]! - distancesMm[i - 1]! >= SAME_POSITION_MM) continue;
    throw new DicomRejection(
      'INCONSISTENT_SERIES',
      slices[i]!.source,
      `it lies at the same position as ${slices[i - 1]!.source}; the series holds more than ` +
        'one volume (time points, b-values or echoes): split it before import.',
    );
  }
}

export function orderSlices(input: SliceRecord[]): SliceOrder {
  const first = input[0];
  if (first === undefined) throw new Error('orderSlices needs at least one slice.');
  checkSameGrid(input, first);

  const [rowCosine, columnCosine] = cosines(first.orientation);
  const normal = cross(rowCosine, columnCosine);
  if (Math.abs(norm(normal) - 1) > 1e-3) {
    throw new DicomRejection(
      'BAD_GEOMETRY',
      first.source,
      'Image Orientation (Patient) is not two perpendicular unit vectors; the header is damaged.',
    );
  }
  const keyed = input.map((slice) => ({ slice, d: dot(slice.positionMm, normal) }));
  keyed.sort((a, b) => a.d - b.d);
  const slices = keyed.map((k) => k.slice);
  const distancesMm = keyed.map((k) => k.d);
  checkDistinct(slices, distancesMm);

  return { slices, rowCosine, columnCosine, normal, distancesMm };
}

export interface SpacingReport {
  sliceSpacingMm: number;
  missingSlices: number;
  unevenSpacing: boolean;
  gantryTiltDeg: number;
}

/** A gap may differ from the spacing by 1% (at least 0.01 mm) before it counts as uneven. */
function gapTolerance(spacingMm: number): number {
  return Math.max(0.01, 0.01 * spacingMm);
}

export function spacingOf(order: SliceOrder): SpacingReport {
  const { distancesMm, slices, normal } = order;
  const gaps = distancesMm.slice(1).map((d, i) => d - distancesMm[i]!);
  if (gaps.length === 0)
    return { sliceSpacingMm: 0, missingSlices: 0, unevenSpacing: false, gantryTiltDeg: 0 };

  const sliceSpacingMm = median(gaps);
  let missingSlices = 0;
  let unevenSpacing = false;
  for (const gap of gaps) {
    const steps = Math.max(1, Math.round(gap / sliceSpacingMm));
    missingSlices += steps - 1;
    if (Math.abs(gap - steps * sliceSpacingMm) > gapTolerance(sliceSpacingMm)) unevenSpacing = true;
  }
  const travel = subtract(slices.at(-1)!.positionMm, slices[0]!.positionMm);
  const cosine = Math.min(1, Math.abs(dot(unit(travel), normal)));
  const gantryTiltDeg = (Math.acos(cosine) * 180) / Math.PI;

  return { sliceSpacingMm, missingSlices, unevenSpacing, gantryTiltDeg };
}
