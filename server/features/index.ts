export { computeFeatures, type FeatureResult } from './engine';
export { featureSettingsSchema, type FeatureSettings, type FeatureSettingsInput } from './settings';
export { FEATURE_PRESETS, isFeaturePreset, type FeaturePresetName } from './presets';
export { FEATURE_FAMILIES, type Aggregation, type FeatureFamily, type FeatureValue } from './types';
