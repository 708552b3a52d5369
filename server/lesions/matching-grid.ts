/**
 * The shared grid lesion masks are compared on: the baseline CT's grid, coarsened to at
 * least MATCH_SPACING_MM. matchLesions needs every mask on one grid to find overlaps
 * (splits, merges); the full baseline grid of a thin-slice CT would cost tens of
 * millions of voxels per lesion, where overlap needs only a few millimetres' detail.
 * A lesion under about one coarse voxel across can vanish from this grid; it is then
 * matched by centroid and volume alone.
 */
import type { ImageGeometry, ImageVolume, Vec3 } from '@/server/imaging/image';
import { resampleVolume, type Mat3x4 } from '@/server/tracking';

export const MATCH_SPACING_MM = 3;

export function matchingGrid(baseline: ImageGeometry): ImageGeometry {
  const spacingMm = baseline.spacingMm.map((s) => Math.max(s, MATCH_SPACING_MM)) as Vec3;
  const size = baseline.size.map((n, a) =>
    Math.max(1, Math.ceil((n * (baseline.spacingMm[a] ?? 1)) / (spacingMm[a] ?? 1)))) as Vec3;

  return { ...baseline, size, spacingMm };
}

/** A follow-up mask pulled onto the matching grid through baseline ↦ follow-up. */
export function maskOnGrid(mask: ImageVolume, grid: ImageGeometry, matrix: Mat3x4): ImageVolume {
  return resampleVolume(mask, grid, matrix, { interpolation: 'nearest', outsideValue: 0 });
}
