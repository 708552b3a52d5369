import type { FeatureSettings } from '../settings';

type Resegmentation = FeatureSettings['resegmentation'];

function meanAndSd(image: Float64Array, mask: Uint8Array): { mean: number; sd: number } {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;

    const x = image[v] ?? 0;
    n++;
    sum += x;
    sumSq += x * x;
  }
  const mean = n > 0 ? sum / n : 0;

  return { mean, sd: Math.sqrt(Math.max(0, sumSq / Math.max(1, n) - mean * mean)) };
}

function keepWithin(image: Float64Array, mask: Uint8Array, lo: number, hi: number): void {
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;

    const x = image[v] ?? 0;
    if (x < lo || x > hi) mask[v] = 0;
  }
}

/**
 * The intensity mask: the morphological mask minus voxels outside the range, then minus
 * outliers (mean ± k·sd of what the range left, population sd as IBSI defines it).
 */
export function resegment(image: Float64Array, morphMask: Uint8Array,
  settings: Resegmentation): Uint8Array {
  const mask = morphMask.slice();
  if (settings.range) {
    keepWithin(image, mask, settings.range[0] ?? -Infinity, settings.range[1] ?? Infinity);
  }
  if (settings.outlierSigma !== null) {
    const { mean, sd } = meanAndSd(image, mask);
    const k = settings.outlierSigma;
    keepWithin(image, mask, mean - k * sd, mean + k * sd);
  }

  return mask;
}
