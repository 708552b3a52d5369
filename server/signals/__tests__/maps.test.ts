import { describe, expect, it } from 'vitest';
import { hypoxiaSignals } from '../hypoxia';
import { diffusionSignals, perfusionSignals } from '../mr-signals';
import { filled, volume } from './grids';

const line = (values: number[]) => volume([values.length, 1, 1], [1, 1, 1], values);
const all = (n: number) =>
  volume([n, 1, 1], [1, 1, 1], filled([n, 1, 1], 1), { pixelType: 'uint8' });

describe('hypoxia signals', () => {
  it('divides SUVmax by the reference and counts voxels with TBR above 1.4', () => {
    // Bq/ml times factor 0.5 gives SUV 2, 1.5, 1.41, 1.4, 1.0; reference SUV 1.
    const fmiso = line([4, 3, 2.82, 2.8, 2]);
    const h = hypoxiaSignals(fmiso, all(5), 0.5, { suvMean: 1, method: 'hand' })!;

    expect(h.tbrMax.value).toBeCloseTo(2, 12);
    // 2, 1.5 and 1.41 are above 1.4; 1.4 itself is not.
    expect(h.hypoxicFraction.value).toBeCloseTo(3 / 5, 12);
  });

  it('finds no hypoxia when the reference is as hot as the tumour', () => {
    const h = hypoxiaSignals(line([2, 2]), all(2), 1, { suvMean: 2, method: 'hand' })!;

    expect(h.tbrMax.value).toBe(1);
    expect(h.hypoxicFraction.value).toBe(0);
  });
});

describe('diffusion and perfusion signals', () => {
  it('takes the ADC mean and the share below 800', () => {
    const d = diffusionSignals(line([600, 700, 800, 1300]), all(4))!;

    expect(d.adcMean.value).toBe(850);
    // 600 and 700 are below 800; 800 is not.
    expect(d.lowAdcFraction.value).toBe(0.5);
  });

  it('takes the Ktrans 90th percentile between ranks and the enhancing share', () => {
    // 0, 0.02, ..., 0.2: rank 0.9 · 10 = 9 is the tenth value, 0.18.
    const values = Array.from({ length: 11 }, (_, n) => n * 0.02);
    const p = perfusionSignals(line(values), all(11))!;

    expect(p.ktransP90.value).toBeCloseTo(0.18, 12);
    expect(p.ktransMean.value).toBeCloseTo(0.1, 12);
    // Above 0.1: 0.12 .. 0.2, five values of eleven.
    expect(p.enhancingFraction.value).toBeCloseTo(5 / 11, 12);
  });
});
