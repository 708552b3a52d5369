import type { ImageVolume } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';
import type { FeatureSettings } from '../settings';
import { discretise } from './discretise';
import { buildRoiGrid, type RoiGrid } from './grid';
import { resegment } from './resegment';

/** Everything the feature families read: one cropped grid, two masks, grey levels. */
export interface Roi extends RoiGrid {
  intensityMask: Uint8Array;
  /** Grid offsets of the intensity-mask voxels, ascending. */
  voxels: Int32Array;
  /** Intensities of those voxels, in the same order. */
  intensities: Float64Array;
  levels: Int32Array;
  greyLevelCount: number;
}

/** Radius of a 1 cm³ sphere in mm: the local intensity peak needs this much context. */
export const PEAK_SPHERE_RADIUS_MM = Math.cbrt(3 / (4 * Math.PI)) * 10;

function listVoxels(mask: Uint8Array): Int32Array {
  let count = 0;
  for (const m of mask) count += m;
  const voxels = new Int32Array(count);
  let k = 0;
  for (let v = 0; v < mask.length; v++) if (mask[v]) voxels[k++] = v;

  return voxels;
}

export function prepareRoi(image: ImageVolume, mask: ImageVolume, settings: FeatureSettings): Roi {
  const grid = buildRoiGrid(image, mask, settings.resampling, PEAK_SPHERE_RADIUS_MM + 1);
  const intensityMask = resegment(grid.image, grid.morphMask, settings.resegmentation);
  const voxels = listVoxels(intensityMask);
  if (voxels.length === 0) {
    throw new AppError('BAD_INPUT', 'Re-segmentation left no voxel in the ROI.', {
      userMessage: 'No ROI voxel lies inside the re-segmentation range: widen the range.',
    });
  }
  const intensities = Float64Array.from(voxels, (v) => grid.image[v] ?? 0);
  const rangeMin = settings.resegmentation.range?.[0] ?? null;
  const { levels, greyLevelCount } = discretise(grid.image, intensityMask,
    settings.discretisation, rangeMin);

  return { ...grid, intensityMask, voxels, intensities, levels, greyLevelCount };
}
