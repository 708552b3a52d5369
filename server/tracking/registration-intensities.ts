import type { ImageVolume } from '../imaging/image';

/**
 * What elastix is given: HU + 1000, clamped at 0, so air is 0 and everything else is
 * positive. Elastix's centre-of-gravity start then weighs the body rather than the
 * strongly negative air around it; mutual information does not mind the shift.
 */
export function toRegistrationIntensities(volume: ImageVolume): ImageVolume {
  const data = new Float32Array(volume.data.length);
  for (let n = 0; n < data.length; n++) data[n] = Math.max(0, (volume.data[n] ?? 0) + 1000);

  return { ...volume, pixelType: 'float32', data };
}
