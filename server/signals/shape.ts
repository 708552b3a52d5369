/**
 * Volume and shape of a lesion on the grid its mask was drawn on. Sphericity comes from
 * the feature engine's marching-cubes mesh (IBSI QCFX); surface irregularity is defined
 * here as the mesh area over the area of the sphere of equal volume, i.e. 1 / sphericity:
 * 1 for a ball, growing as the margin folds or spiculates.
 */
import { computeFeatures } from '@/server/features';
import type { ImageVolume } from '@/server/imaging/image';
import { voxelVolumeMl } from '@/server/imaging/image';
import type { Measured } from './types';

export function volumeOf(mask: ImageVolume): Measured {
  let count = 0;
  for (const v of mask.data) if (v >= 0.5) count += 1;

  return {
    value: count * voxelVolumeMl(mask),
    voxelCount: count,
    method: 'mask voxel count x voxel volume on the mask grid',
  };
}

export function shapeSignals(mask: ImageVolume) {
  const result = computeFeatures(mask, mask, {
    families: ['morphology'],
    autocorrelationMaxVoxels: 0,
  });
  const sphericity = result.features.find((f) => f.name === 'morph.sphericity')?.value;
  if (sphericity === undefined || !(sphericity > 0)) {
    throw new Error('The feature engine gave no usable morph.sphericity for this mask.');
  }
  const voxelCount = result.voxelCount;

  return {
    sphericity: { value: sphericity, voxelCount, method: 'IBSI morph.sphericity (mesh)' },
    surfaceIrregularity: {
      value: 1 / sphericity,
      voxelCount,
      method: 'mesh area / area of the equal-volume sphere',
    },
  } satisfies Record<string, Measured>;
}
