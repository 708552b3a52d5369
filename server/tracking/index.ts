/** The compute core of lesion tracking: registration, measurement, matching, propagation. */
export {
  inverseTransformPoint, invertTransform, transformPoint, type AffineTransform, type Mat3x4,
} from './affine';
export { measureLesion, type LesionMeasurement, type MeasureOptions } from './measure-lesion';
export { matchLesions, DEFAULT_MATCH_OPTIONS } from './match-lesions';
export type {
  LesionInput, MatchOptions, MatchResult, ReviewFlag, TimepointLesions, Track, TrackEvent,
} from './match-types';
export {
  propagateMask, type PropagateFlag, type PropagateOptions, type PropagateResult,
} from './propagate-mask';
export { registerVolumes } from './register';
export type {
  RegistrationOptions, RegistrationQuality, RegistrationResult,
} from './registration-types';
export { resampleVolume } from './resample';
