import { describe, expect, it } from 'vitest';

import { createImage, IDENTITY_DIRECTION } from '@/server/imaging/image';
import type { ImageVolume, Vec3 } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';

import { segmentByThreshold } from '../threshold-lesion';

/** A cube of `size` voxels at 1 mm with SUV given by a function of the offset from the centre. */
function phantom(size: number, suvAt: (d: Vec3) => number): ImageVolume {
  const geometry = {
    size: [size, size, size] as Vec3,
    spacingMm: [1, 1, 1] as Vec3,
    originMm: [0, 0, 0] as Vec3,
    direction: IDENTITY_DIRECTION,
  };
  const image = createImage(geometry, 'float32');
  const c = (size - 1) / 2;
  for (let k = 0, n = 0; k < size; k++) {
    for (let j = 0; j < size; j++) {
      for (let i = 0; i < size; i++, n++) image.data[n] = suvAt([i - c, j - c, k - c]);
    }
  }

  return image;
}

const radiusSq = ([x, y, z]: Vec3) => x * x + y * y + z * z;

describe('segmentByThreshold', () => {
  // Offsets with x²+y²+z² <= 4: 1 centre, 6 at distance² 1, 12 at 2, 8 at 3, 6 at 4.
  const sphere = phantom(21, (d) => (radiusSq(d) <= 4 ? 10 : 1));

  it('outlines exactly the 33 voxels of a hot sphere of radius 2 with either method', () => {
    for (const method of ['41%', 'suv2.5'] as const) {
      const result = segmentByThreshold(sphere, [10, 10, 10], { method });
      expect(result.voxelCount).toBe(33);
      expect(Array.from(result.mask.data).filter((v) => v === 1)).toHaveLength(33);
    }
  });

  it('takes 41% of the local SUVmax, even from a seed off the hottest voxel', () => {
    const result = segmentByThreshold(sphere, [12, 10, 10], { method: '41%' });

    expect(result.localMaxSuv).toBe(10);
    expect(result.thresholdSuv).toBeCloseTo(4.1, 6);
    expect(result.voxelCount).toBe(33);
  });

  it('joins a voxel that touches the sphere only at a corner (26-connectivity)', () => {
    // (2,2,2) meets the sphere voxel (1,1,1) at one corner only; (5,5,5) touches nothing.
    const hot = (d: Vec3) => radiusSq(d) <= 4 || d.every((v) => v === 2) || d.every((v) => v === 5);
    const image = phantom(21, (d) => (hot(d) ? 10 : 1));

    expect(segmentByThreshold(image, [10, 10, 10], { method: '41%' }).voxelCount).toBe(34);
  });

  it('gives a graded blob different sizes under 41% and SUV 2.5', () => {
    // SUV = 10 - 2r. 41%: 10 - 2r >= 4.1, r² <= 8.7, lattice points with r² <= 8:
    // 1+6+12+8+6+24+24+0+12 = 93. SUV 2.5: r <= 3.75, r² <= 14: 93+30+24+24+8+24+48 = 251.
    const blob = phantom(21, (d) => Math.max(0.5, 10 - 2 * Math.sqrt(radiusSq(d))));

    expect(segmentByThreshold(blob, [10, 10, 10], { method: '41%' }).voxelCount).toBe(93);
    expect(segmentByThreshold(blob, [10, 10, 10], { method: 'suv2.5' }).voxelCount).toBe(251);
  });

  it('stops growing at the bound from the seed', () => {
    // A hot rod along i from the seed: voxels 0..50 mm away are kept, 51 of them.
    const rod = phantom(101, ([, y, z]) => (y === 0 && z === 0 ? 10 : 0));
    const result = segmentByThreshold(rod, [0, 50, 50], { method: 'suv2.5' });

    expect(result.voxelCount).toBe(51);
    expect(result.reachedBound).toBe(true);
  });

  it('refuses a seed below the threshold and says where to click', () => {
    const run = () => segmentByThreshold(sphere, [10, 10, 15], { method: '41%' });

    expect(run).toThrow(AppError);
    expect(run).toThrow(/Click inside the hot lesion/);
  });
});
