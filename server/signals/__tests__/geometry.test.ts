import { describe, expect, it } from 'vitest';
import { liverReferenceAt } from '../liver';
import { maskOnGrid } from '../resample-mask';
import { filled, volume } from './grids';

describe('maskOnGrid', () => {
  const mask = volume([4, 1, 1], [1, 1, 1], [1, 1, 0, 0], { pixelType: 'uint8' });

  it('takes the nearest mask voxel of each target centre', () => {
    // Target centres at x = 0.2, 1.7, 3.2 fall nearest to mask voxels 0, 2 and 3.
    const target = volume([3, 1, 1], [1.5, 1, 1], [0, 0, 0], { originMm: [0.2, 0, 0] });

    expect(Array.from(maskOnGrid(mask, target).data)).toEqual([1, 0, 0]);
  });

  it('follows the direction matrix through patient coordinates', () => {
    // Axis i runs towards -x from x = 3: centres 3, 2, 1, 0 read the mask backwards.
    const flipped = volume([4, 1, 1], [1, 1, 1], [0, 0, 0, 0], {
      originMm: [3, 0, 0],
      direction: [-1, 0, 0, 0, 1, 0, 0, 0, -1],
    });

    expect(Array.from(maskOnGrid(mask, flipped).data)).toEqual([0, 0, 1, 1]);
  });
});

describe('liverReferenceAt', () => {
  it('averages the voxels whose centres lie within 15 mm', () => {
    // 5 mm spacing: centres within 15 mm are the 123 lattice points with i²+j²+k² <= 9.
    const size: [number, number, number] = [11, 11, 11];
    const values = filled(size, 4);
    const pet = volume(size, [5, 5, 5], values);

    const ref = liverReferenceAt(pet, [25, 25, 25], { suvBwFactor: 0.5, sulFactor: 0.375 });

    expect(ref.voxelCount).toBe(123);
    expect(ref.suvMean).toBeCloseTo(2, 12);
    expect(ref.suvSd).toBe(0);
    // SUL = SUV · 0.375/0.5.
    expect(ref.sulMean).toBeCloseTo(1.5, 12);
  });
});
