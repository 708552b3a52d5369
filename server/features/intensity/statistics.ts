import type { NamedValue } from '../types';
import { distributionFeatures } from './distribution';

/** IBSI intensity-based statistical features over the intensity mask. */
export function statisticsFeatures(intensities: Float64Array): NamedValue[] {
  const sorted = intensities.slice().sort();
  let energy = 0;
  for (const x of sorted) energy += x * x;

  return [
    ...distributionFeatures(sorted, 'stat'),
    { name: 'stat.energy', value: energy },
    { name: 'stat.rms', value: Math.sqrt(energy / sorted.length) },
  ];
}
