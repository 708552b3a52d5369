/**
 * What a registration input's pixels are. A CT holds HU, so air, body and the body's
 * outline have fixed values. Any other image (an MR map, a PET) has no absolute scale:
 * its body is found relative to its own brightest tissue, and its pixels go to elastix
 * as they are, with mutual information pairing them with the CT's HU.
 */
import type { ImageVolume } from '../imaging/image';
import { BODY_THRESHOLD_HU } from './alignment-quality';
import { toRegistrationIntensities } from './registration-intensities';

export type ImageKind = 'ct' | 'other';

/**
 * Share of the 99th percentile above which a non-CT voxel counts as body. Why 5%: the
 * faintest tissue of an ADC map (fat, about 150 against 1500 for muscle) or a Ktrans map
 * (fat, 0.01 against 0.1-0.3 1/min) stays above it, background air and noise below.
 * Known shortcoming: an MR whose air holds strong noise or ghosting above that share would
 * count it as body and weaken the outline check; a noise-aware threshold (Otsu) would not.
 */
const BODY_SHARE_OF_P99 = 0.05;

export function bodyThreshold(volume: ImageVolume, kind: ImageKind): number {
  if (kind === 'ct') return BODY_THRESHOLD_HU;
  const positive = Float64Array.from(volume.data).filter((v) => v > 0).sort();
  if (positive.length === 0) return Infinity;

  return BODY_SHARE_OF_P99 * (positive[Math.floor(0.99 * (positive.length - 1))] ?? 0);
}

/** A non-CT image keeps its values, negative ones clamped to 0 (air) like the CT's. */
export function registrationIntensities(volume: ImageVolume, kind: ImageKind): ImageVolume {
  if (kind === 'ct') return toRegistrationIntensities(volume);
  const data = new Float32Array(volume.data.length);
  for (let n = 0; n < data.length; n++) data[n] = Math.max(0, volume.data[n] ?? 0);

  return { ...volume, pixelType: 'float32', data };
}
