/**
 * Diffusion and perfusion signals of one lesion, on the map's own grid. ADC maps must be
 * in 10⁻⁶ mm²/s and Ktrans maps in 1/min; the caller converts other scalings first.
 */
import type { ImageVolume } from '@/server/imaging/image';
import { countWhere, meanOf, percentileOf, valuesUnder } from './roi-values';
import { ENHANCING_KTRANS_PER_MIN, LOW_ADC_UM2_PER_S } from './thresholds';
import type { Measured } from './types';

export function diffusionSignals(adc: ImageVolume, maskOnAdc: ImageVolume) {
  const values = valuesUnder(adc, maskOnAdc);
  const n = values.length;
  if (n === 0) return null;

  const low = countWhere(values, (x) => x < LOW_ADC_UM2_PER_S);

  return {
    adcMean: { value: meanOf(values), voxelCount: n, method: 'mean ADC in mask' },
    lowAdcFraction: {
      value: low / n,
      voxelCount: n,
      method: `share of mask voxels with ADC < ${LOW_ADC_UM2_PER_S}`,
      settings: { thresholdUm2PerS: LOW_ADC_UM2_PER_S },
    },
  } satisfies Record<string, Measured>;
}

export function perfusionSignals(ktrans: ImageVolume, maskOnKtrans: ImageVolume) {
  const values = valuesUnder(ktrans, maskOnKtrans);
  const n = values.length;
  if (n === 0) return null;

  const enhancing = countWhere(values, (x) => x > ENHANCING_KTRANS_PER_MIN);

  return {
    ktransMean: { value: meanOf(values), voxelCount: n, method: 'mean Ktrans in mask' },
    ktransP90: {
      value: percentileOf(values, 90),
      voxelCount: n,
      method: '90th percentile, linear between ranks',
    },
    enhancingFraction: {
      value: enhancing / n,
      voxelCount: n,
      method: `share of mask voxels with Ktrans > ${ENHANCING_KTRANS_PER_MIN} /min`,
      settings: { thresholdPerMin: ENHANCING_KTRANS_PER_MIN },
    },
  } satisfies Record<string, Measured>;
}
