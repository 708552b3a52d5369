/** Hallmark imaging signals: the catalogue and the pure functions that measure it. */
export { SIGNAL_CATALOGUE, signalDefinition } from './catalogue';
export type * from './catalogue-types';
export { computeLesionSignals, type LesionSignalInput, type LesionSignals } from './lesion-signals';
export { growthSignals, type GrowthInterval, type VolumeAt } from './growth';
export { newLesionCounts, type TimepointLesions } from './new-lesions';
export {
  liverReferenceAt,
  placeLiverReference,
  type LiverReference,
  type LiverReferenceOptions,
  type PlaceLiverOptions,
} from './liver';
export { fmisoBackgroundReference, type HypoxiaReference } from './hypoxia';
export { maskOnGrid } from './resample-mask';
export { enhancementSignal, erodeOnce, type ContrastPair } from './enhancement';
export { pairContrastPhases, type PhaseCandidate } from './contrast-pair';
export { TEXTURE_PRESETS } from './texture';
export * from './thresholds';
export {
  SIGNALS_ENGINE_VERSION,
  type PetSeries,
  type Provenance,
  type SeriesImage,
  type SignalValue,
  type SkippedSignal,
} from './types';
