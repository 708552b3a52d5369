/**
 * Heterogeneity signals from the IBSI feature engine, one fixed preset per modality so a
 * lesion's values stay comparable across timepoints scanned on different grids:
 * resampled to an isotropic grid, then a fixed bin size (IBSI recommends fixed bin size
 * for calibrated units such as HU and SUV).
 */
import { computeFeatures, type FeatureSettingsInput } from '@/server/features';
import type { FeatureValue } from '@/server/features';
import type { ImageVolume } from '@/server/imaging/image';
import type { Measured } from './types';

export const TEXTURE_PRESETS = {
  /** 2 mm isotropic, HU -1000 to 400 kept, 25 HU bins (as IBSI configuration C). */
  ct: {
    families: ['intensity-histogram', 'glcm', 'glszm'],
    resampling: { spacingMm: [2, 2, 2], interpolation: 'trilinear', roundIntensities: true },
    resegmentation: { range: [-1000, 400] },
    discretisation: { method: 'fixed-bin-size', binSize: 25 },
    texture: { dimensions: ['3D'] },
  },
  /** 4 mm isotropic (a common PET reconstruction grid), SUV not rounded, 0.25 SUV bins from 0. */
  pet: {
    families: ['intensity-histogram', 'glcm', 'glszm'],
    resampling: { spacingMm: [4, 4, 4], interpolation: 'trilinear', roundIntensities: false },
    resegmentation: { range: [0, null] },
    discretisation: { method: 'fixed-bin-size', binSize: 0.25, lowerBound: 0 },
    texture: { dimensions: ['3D'] },
  },
} satisfies Record<string, FeatureSettingsInput>;

const WANTED = [
  { key: 'histogramEntropy', name: 'ih.entropy', aggregation: null },
  { key: 'glcmJointEntropy', name: 'cm.joint.entr', aggregation: '3D, merged' },
  { key: 'glszmZsnu', name: 'szm.zsnu', aggregation: '3D' },
] as const;

export type TextureSignals = Record<(typeof WANTED)[number]['key'], Measured>;

function pick(features: FeatureValue[], name: string, aggregation: string | null): number {
  const found = features.find((f) => f.name === name && f.aggregation === aggregation);
  if (!found) throw new Error(`The feature engine returned no ${name} (${aggregation}).`);

  return found.value;
}

/** `image` in HU or SUV; `mask` on the same grid. */
export function textureSignals(
  image: ImageVolume,
  mask: ImageVolume,
  preset: keyof typeof TEXTURE_PRESETS,
): TextureSignals {
  const settings = TEXTURE_PRESETS[preset];
  const result = computeFeatures(image, mask, settings);
  const measured = (name: string, aggregation: string | null): Measured => ({
    value: pick(result.features, name, aggregation),
    voxelCount: result.voxelCount,
    method: `IBSI ${name} (${aggregation ?? 'volume'}), ${preset} preset`,
    settings: { preset, ...settings },
  });

  return Object.fromEntries(
    WANTED.map((w) => [w.key, measured(w.name, w.aggregation)]),
  ) as TextureSignals;
}
