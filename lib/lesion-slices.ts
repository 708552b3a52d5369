/**
 * Which CT slice shows a tracked lesion at each timepoint. Pure, so the index maths is
 * tested without a browser or a database.
 */
import type { ImageGeometry, Vec3 } from '@/server/imaging/image';
import { pointToIndex } from '@/server/imaging/image';

/** Baseline LPS point ↦ follow-up LPS point, row-major 3x4 (see server/tracking/affine). */
export type Matrix3x4 = readonly number[];

export interface SliceObservation {
  timepoint: number;
  present: boolean;
  centroidMm: Vec3 | null;
  /** The centroid carried back to baseline space, for lesions first seen later. */
  centroidBaselineMm: Vec3 | null;
}

export function applyMatrix(m: Matrix3x4, p: Vec3): Vec3 {
  const row = (r: number) =>
    (m[r * 4] ?? 0) * p[0] +
    (m[r * 4 + 1] ?? 0) * p[1] +
    (m[r * 4 + 2] ?? 0) * p[2] +
    (m[r * 4 + 3] ?? 0);

  return [row(0), row(1), row(2)];
}

/**
 * Where the lesion sits in baseline space: the baseline sighting's centroid, else the
 * first sighting carried back to baseline by the tracker.
 */
export function baselineCentreMm(
  observations: SliceObservation[],
  baselineIndex: number,
): Vec3 | null {
  const atBaseline = observations.find((o) => o.timepoint === baselineIndex);
  if (atBaseline?.present && atBaseline.centroidMm) return atBaseline.centroidMm;

  return observations.find((o) => o.centroidBaselineMm)?.centroidBaselineMm ?? null;
}

/**
 * The lesion's LPS centre at one timepoint: its own centroid when it has one, else the
 * baseline centre carried through that timepoint's registration. A timepoint without a
 * matrix (the baseline, or tracking not run) takes the baseline point unchanged.
 */
export function centreAtMm(
  observation: SliceObservation | undefined,
  baselineMm: Vec3 | null,
  matrix: Matrix3x4 | null,
): Vec3 | null {
  if (observation?.present && observation.centroidMm) return observation.centroidMm;
  if (!baselineMm) return null;

  return matrix ? applyMatrix(matrix, baselineMm) : baselineMm;
}

/** The slice (k) nearest to an LPS point, kept inside the volume. */
export function sliceThrough(geometry: ImageGeometry, pointMm: Vec3): number {
  const k = Math.round(pointToIndex(geometry, pointMm)[2]);

  return clampSlice(k, geometry.size[2]);
}

/** A panel's centre slice moved by the shared scroll offset, kept inside the volume. */
export function offsetSlice(centreK: number, offset: number, depth: number): number {
  return clampSlice(centreK + offset, depth);
}

function clampSlice(k: number, depth: number): number {
  return Math.min(Math.max(k, 0), Math.max(depth - 1, 0));
}
