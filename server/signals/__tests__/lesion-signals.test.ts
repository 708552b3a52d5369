import { describe, expect, it } from 'vitest';
import { SIGNAL_CATALOGUE } from '../catalogue';
import { computeLesionSignals } from '../lesion-signals';
import { SIGNALS_ENGINE_VERSION } from '../types';
import { at, filled, volume } from './grids';

describe('computeLesionSignals across grids', () => {
  // Mask on a 2 mm grid (centres 0, 2, ..., 14 mm), inside where i, j, k are 2..7.
  const maskSize: [number, number, number] = [8, 8, 8];
  const maskValues = filled(maskSize, 0);
  for (let k = 2; k < 8; k++)
    for (let j = 2; j < 8; j++) for (let i = 2; i < 8; i++) maskValues[at(maskSize, i, j, k)] = 1;
  const mask = volume(maskSize, [2, 2, 2], maskValues, { pixelType: 'uint8' });

  // ADC on a 4 mm grid from 1.2 mm: centres 1.2, 5.2, 9.2, 13.2 are nearest to mask
  // indices 1, 3, 5, 7, so ADC voxels 1..3 on each axis are inside (27 voxels). A
  // resistant core of ADC 600 fills the i = 1 plane; the rest reads 1200.
  const adcSize: [number, number, number] = [4, 4, 4];
  const adcValues = filled(adcSize, 1200);
  for (let k = 0; k < 4; k++) for (let j = 0; j < 4; j++) adcValues[at(adcSize, 1, j, k)] = 600;
  const adc = volume(adcSize, [4, 4, 4], adcValues, { originMm: [1.2, 1.2, 1.2] });

  const result = computeLesionSignals({
    mask,
    maskSeries: 'ct-1',
    adc: { seriesUid: 'adc-1', image: adc },
  });
  const get = (id: string) => result.values.find((v) => v.signalId === id);

  it('shows the low-ADC core: 9 of 27 voxels below 800', () => {
    expect(get('low-adc-fraction')).toMatchObject({ voxelCount: 27, sourceSeries: 'adc-1' });
    expect(get('low-adc-fraction')!.value).toBeCloseTo(1 / 3, 12);
    // (9·600 + 18·1200) / 27 = 1000.
    expect(get('adc-mean')!.value).toBeCloseTo(1000, 9);
  });

  it('measures the volume on the mask grid: 216 voxels of 8 mm³', () => {
    expect(get('volume')).toMatchObject({ voxelCount: 216, unit: 'ml', sourceSeries: 'ct-1' });
    expect(get('volume')!.value).toBeCloseTo(1.728, 12);
    expect(get('volume')!.provenance.engineVersion).toBe(SIGNALS_ENGINE_VERSION);
  });

  it('names a reason when the mask misses an image', () => {
    const far = volume([2, 2, 2], [4, 4, 4], filled([2, 2, 2], 1), { originMm: [500, 0, 0] });
    const missed = computeLesionSignals({
      mask,
      maskSeries: 'ct-1',
      ktrans: { seriesUid: 'k', image: far },
    });

    expect(missed.skipped.map((s) => s.signalId)).toEqual([
      'ktrans-mean',
      'ktrans-p90',
      'enhancing-fraction',
    ]);
    expect(missed.skipped[0]!.reason).toBe('the lesion mask has no voxel on this image grid');
  });
});

describe('SIGNAL_CATALOGUE', () => {
  it('has unique ids and covers every hallmark, each entry with a source', () => {
    const ids = SIGNAL_CATALOGUE.map((s) => s.id);
    const hallmarks = new Set(SIGNAL_CATALOGUE.map((s) => s.hallmark));

    expect(new Set(ids).size).toBe(ids.length);
    expect(hallmarks.size).toBe(8);
    for (const s of SIGNAL_CATALOGUE) expect(s.repeatability.source.length).toBeGreaterThan(10);
  });
});
