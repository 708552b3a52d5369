/**
 * PERCIST liver reference: SUL (and SUV) mean and SD in a 3 cm sphere in the right lobe,
 * placed automatically fully inside the liver and clear of lesions, or at a centre the
 * user moved it to.
 */
import type { ImageVolume, Vec3 } from '@/server/imaging/image';
import { indexToPoint, pointToIndex } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';
import { maskPoints, sphereOffsets } from './grid-walk';
import { liverRegion } from './liver-region';
import { meanOf, sdOf } from './roi-values';
import { LIVER_SPHERE_RADIUS_MM } from './thresholds';

export interface LiverReferenceOptions {
  suvBwFactor: number;
  sulFactor: number | null;
  radiusMm?: number;
}

export interface PlaceLiverOptions extends LiverReferenceOptions {
  /** Lesion masks on any grid of the timepoint; the sphere keeps clear of them. */
  lesionMasks?: ImageVolume[];
  /** Extra distance kept between the sphere's surface and any lesion voxel. */
  lesionMarginMm?: number;
}

export interface LiverReference {
  centreMm: Vec3;
  radiusMm: number;
  voxelCount: number;
  suvMean: number;
  suvSd: number;
  sulMean: number | null;
  sulSd: number | null;
}

/** Statistics of PET voxels whose centres lie within the sphere at `centreMm`. */
export function liverReferenceAt(
  pet: ImageVolume,
  centreMm: Vec3,
  options: LiverReferenceOptions,
): LiverReference {
  const radiusMm = options.radiusMm ?? LIVER_SPHERE_RADIUS_MM;
  const centre = pointToIndex(pet, centreMm).map(Math.round) as Vec3;
  const suv: number[] = [];
  for (const [di, dj, dk] of sphereOffsets(pet, radiusMm + Math.max(...pet.spacingMm))) {
    const index: Vec3 = [centre[0] + di, centre[1] + dj, centre[2] + dk];
    if (index.some((x, a) => x < 0 || x >= pet.size[a]!)) continue;
    const p = indexToPoint(pet, index);
    if (Math.hypot(p[0] - centreMm[0], p[1] - centreMm[1], p[2] - centreMm[2]) > radiusMm) continue;
    const [nx, ny] = pet.size;
    suv.push(
      (pet.data[(index[2] * ny + index[1]) * nx + index[0]] as number) * options.suvBwFactor,
    );
  }
  if (suv.length === 0) {
    throw new AppError('BAD_INPUT', `Liver sphere at ${centreMm} holds no PET voxel.`, {
      userMessage: 'Move the liver sphere inside the PET field of view.',
    });
  }

  return summarise(Float64Array.from(suv), centreMm, radiusMm, options);
}

function summarise(suv: Float64Array, centreMm: Vec3, radiusMm: number, o: LiverReferenceOptions) {
  const toSul = o.sulFactor === null ? null : o.sulFactor / o.suvBwFactor;
  const [suvMean, suvSd] = [meanOf(suv), sdOf(suv)];

  return {
    centreMm,
    radiusMm,
    voxelCount: suv.length,
    suvMean,
    suvSd,
    sulMean: toSul === null ? null : suvMean * toSul,
    sulSd: toSul === null ? null : suvSd * toSul,
  };
}

/** Region voxels whose whole sphere lies inside the region. */
function sphereCentres(region: Uint8Array, pet: ImageVolume, radiusMm: number): number[] {
  const [nx, ny, nz] = pet.size;
  const offsets = sphereOffsets(pet, radiusMm);
  const fits: number[] = [];
  region.forEach((inside, v) => {
    if (!inside) return;
    const [i, j, k] = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    const ok = offsets.every(([di, dj, dk]) => {
      const [a, b, c] = [i + di, j + dj, k + dk];
      if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) return false;

      return region[(c * ny + b) * nx + a] === 1;
    });
    if (ok) fits.push(v);
  });

  return fits;
}

function pointOf(pet: ImageVolume, v: number): Vec3 {
  const [nx, ny] = pet.size;

  return indexToPoint(pet, [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))]);
}

function clearOf(p: Vec3, lesionPoints: Vec3[], distanceMm: number): boolean {
  return lesionPoints.every((q) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]) > distanceMm);
}

/**
 * Finds the liver on CT and places the sphere: among the centres whose sphere fits in the
 * liver and clears every lesion, the one nearest the middle of all fitting centres (the
 * thick, central part of the right lobe rather than its rim).
 */
export function placeLiverReference(
  ct: ImageVolume,
  pet: ImageVolume,
  options: PlaceLiverOptions,
): LiverReference {
  const radiusMm = options.radiusMm ?? LIVER_SPHERE_RADIUS_MM;
  const fits = sphereCentres(liverRegion(ct, pet), pet, radiusMm).map((v) => pointOf(pet, v));
  const lesionPoints = (options.lesionMasks ?? []).flatMap(maskPoints);
  const clearance = radiusMm + (options.lesionMarginMm ?? 10);
  const middle = [0, 1, 2].map((a) => meanOf(Float64Array.from(fits, (p) => p[a]!)));
  const byDistance = fits
    .map((p) => ({ p, d: Math.hypot(p[0] - middle[0]!, p[1] - middle[1]!, p[2] - middle[2]!) }))
    .sort((a, b) => a.d - b.d);
  const chosen = byDistance.find(({ p }) => clearOf(p, lesionPoints, clearance));
  if (!chosen) {
    throw new AppError('NOT_FOUND', 'No lesion-free 3 cm sphere fits in the liver found on CT.', {
      userMessage: 'The liver sphere could not be placed automatically; place it by hand.',
    });
  }

  return liverReferenceAt(pet, chosen.p, { ...options, radiusMm });
}
