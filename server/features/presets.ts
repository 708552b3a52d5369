import type { FeatureSettingsInput } from './settings';

/**
 * The IBSI 1 reference configurations (manual v11, chapter "Reference data sets"). The
 * digital phantom needs no processing: a bin size of 1 from grey level 1 keeps its levels.
 */
export const FEATURE_PRESETS = {
  'ibsi-digital-phantom': {
    discretisation: { method: 'fixed-bin-size', binSize: 1, lowerBound: 1 },
    texture: { dimensions: ['2D', '2.5D', '3D'] },
  },
  'ibsi-config-a': {
    resegmentation: { range: [-500, 400] },
    discretisation: { method: 'fixed-bin-size', binSize: 25 },
    texture: { dimensions: ['2D', '2.5D'] },
  },
  'ibsi-config-b': {
    resampling: { spacingMm: [2, 2, null], interpolation: 'trilinear' },
    resegmentation: { range: [-500, 400] },
    discretisation: { method: 'fixed-bin-number', binCount: 32 },
    texture: { dimensions: ['2D', '2.5D'] },
  },
  'ibsi-config-c': {
    resampling: { spacingMm: [2, 2, 2], interpolation: 'trilinear' },
    resegmentation: { range: [-1000, 400] },
    discretisation: { method: 'fixed-bin-size', binSize: 25 },
    ivh: { method: 'fixed-bin-size', binSize: 2.5 },
    texture: { dimensions: ['3D'] },
  },
  'ibsi-config-d': {
    resampling: { spacingMm: [2, 2, 2], interpolation: 'trilinear' },
    resegmentation: { outlierSigma: 3 },
    discretisation: { method: 'fixed-bin-number', binCount: 32 },
    texture: { dimensions: ['3D'] },
  },
  'ibsi-config-e': {
    resampling: { spacingMm: [2, 2, 2], interpolation: 'tricubic' },
    resegmentation: { range: [-1000, 400], outlierSigma: 3 },
    discretisation: { method: 'fixed-bin-number', binCount: 32 },
    ivh: { method: 'fixed-bin-number', binCount: 1000 },
    texture: { dimensions: ['3D'] },
  },
} satisfies Record<string, FeatureSettingsInput>;

export type FeaturePresetName = keyof typeof FEATURE_PRESETS;

export function isFeaturePreset(name: string): name is FeaturePresetName {
  return Object.hasOwn(FEATURE_PRESETS, name);
}
