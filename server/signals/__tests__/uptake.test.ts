import { describe, expect, it } from 'vitest';
import type { Vec3 } from '@/server/imaging/image';
import { uptakeSignals } from '../pet-signals';
import { at, filled, volume } from './grids';

describe('FDG uptake signals on hand-made arrays', () => {
  it('finds SUVpeak as the mean of the 1 cm³ sphere (7 voxels at 6 mm spacing)', () => {
    // Radius of a 1 cm³ sphere: (3/(4π))^(1/3)·10 = 6.20 mm, so on a 6 mm grid the sphere
    // holds a voxel and its six face neighbours (6 mm away); edge neighbours are 8.49 mm.
    const size: Vec3 = [7, 7, 7];
    const bqml = filled(size, 0);
    const mask = filled(size, 0);
    bqml[at(size, 3, 3, 3)] = 10;
    mask[at(size, 3, 3, 3)] = 1;
    for (const [i, j, k] of [
      [2, 3, 3],
      [4, 3, 3],
      [3, 2, 3],
      [3, 4, 3],
      [3, 3, 2],
      [3, 3, 4],
    ]) {
      bqml[at(size, i!, j!, k!)] = 4;
      mask[at(size, i!, j!, k!)] = 1;
    }
    const pet = volume(size, [6, 6, 6], bqml);
    const m = volume(size, [6, 6, 6], mask, { pixelType: 'uint8' });

    const u = uptakeSignals(pet, m, 0.5, 0.4)!;

    // SUV = 0.5·Bq/ml: centre 5, neighbours 2. Centre sphere: (5 + 6·2)/7 = 17/7.
    // A neighbour's sphere: (2 + 5 + 5·0)/7 = 1, lower, so the peak is the centre's.
    expect(u.suvPeak.value).toBeCloseTo(17 / 7, 12);
    expect(u.sulPeak!.value).toBeCloseTo(((17 / 7) * 0.4) / 0.5, 12);
    expect(u.suvMax.value).toBe(5);
    expect(u.suvMean.value).toBeCloseTo(17 / 7, 12);
  });

  it('thresholds MTV at 41% of SUVmax and at SUV 2.5, and TLG = MTV41 × its SUVmean', () => {
    const suv = [10, 9, 5, 4.2, 4, 3, 2.5, 2.4, 1, 0];
    const pet = volume([10, 1, 1], [2, 2, 2.5], suv);
    const mask = volume([10, 1, 1], [2, 2, 2.5], filled([10, 1, 1], 1), { pixelType: 'uint8' });

    const u = uptakeSignals(pet, mask, 1, null)!;

    // Voxel volume 2·2·2.5 = 10 mm³ = 0.01 ml. 41% of 10 = 4.1: 10, 9, 5, 4.2 pass.
    expect(u.mtv41.voxelCount).toBe(4);
    expect(u.mtv41.value).toBeCloseTo(0.04, 12);
    // SUV >= 2.5: 10, 9, 5, 4.2, 4, 3, 2.5.
    expect(u.mtv25.value).toBeCloseTo(0.07, 12);
    // Mean inside MTV41 = 28.2 / 4 = 7.05; TLG = 0.04 · 7.05 = 0.282.
    expect(u.tlg.value).toBeCloseTo(0.282, 12);
    expect(u.sulPeak).toBeNull();
  });

  it('gives nothing when the mask misses the grid', () => {
    const pet = volume([2, 1, 1], [1, 1, 1], [1, 2]);
    const mask = volume([2, 1, 1], [1, 1, 1], [0, 0], { pixelType: 'uint8' });

    expect(uptakeSignals(pet, mask, 1, 1)).toBeNull();
  });
});
