import type { ImageVolume } from '@/server/imaging/image';
import { logger } from '@/server/lib/log';
import { ibsiCodeOf } from './catalogue';
import { histogramFeatures } from './intensity/histogram';
import { ivhFeatures } from './intensity/ivh';
import { localIntensityFeatures } from './intensity/localIntensity';
import { statisticsFeatures } from './intensity/statistics';
import { morphologyFeatures } from './morphology/features';
import { prepareRoi, type Roi } from './roi/prepare';
import { featureSettingsSchema, type FeatureSettings, type FeatureSettingsInput } from './settings';
import { textureFeatures, type TextureFamily } from './texture';
import type { Aggregation, FeatureFamily, FeatureValue, NamedValue } from './types';

export interface FeatureResult {
  features: FeatureValue[];
  /** The settings after defaults were applied, so a result documents how it was made. */
  settings: FeatureSettings;
  /** Voxels in the intensity mask after resampling and re-segmentation. */
  voxelCount: number;
}

const log = logger('features');

function tag(family: FeatureFamily, aggregation: Aggregation | null, values: NamedValue[]):
  FeatureValue[] {
  return values.map((v) => ({
    family,
    name: v.name,
    ibsiCode: ibsiCodeOf(v.name),
    aggregation,
    ...(v.parameter === undefined ? {} : { parameter: v.parameter }),
    value: v.value,
  }));
}

function familyFeatures(roi: Roi, family: FeatureFamily, settings: FeatureSettings):
  FeatureValue[] {
  const range = settings.resegmentation.range;
  switch (family) {
    case 'morphology':
      return tag(family, null, morphologyFeatures(roi, settings.autocorrelationMaxVoxels));
    case 'local-intensity':
      return tag(family, null, localIntensityFeatures(roi));
    case 'intensity-statistics':
      return tag(family, null, statisticsFeatures(roi.intensities));
    case 'intensity-histogram':
      return tag(family, null, histogramFeatures(roi.levels, roi.voxels, roi.greyLevelCount));
    case 'intensity-volume-histogram':
      return tag(family, null, ivhFeatures(roi.intensities, settings.ivh, range));
    default:
      return textureFeatures(roi, family as TextureFamily, settings.texture)
        .flatMap((r) => tag(family, r.aggregation, r.values));
  }
}

/**
 * Compute IBSI features of the ROI `mask` (voxels >= 0.5) on `image`. Both volumes must
 * share one grid. Settings are validated and completed with defaults first.
 */
export function computeFeatures(image: ImageVolume, mask: ImageVolume,
  settingsInput: FeatureSettingsInput = {}): FeatureResult {
  const settings = featureSettingsSchema.parse(settingsInput);
  const started = performance.now();
  const roi = prepareRoi(image, mask, settings);
  const features = settings.families.flatMap((family) => familyFeatures(roi, family, settings));
  log.debug('features computed', {
    durationMs: Math.round(performance.now() - started),
    count: roi.voxels.length,
  });

  return { features, settings, voxelCount: roi.voxels.length };
}
