import { describe, expect, it } from 'vitest';
import { createImage } from '../../imaging/image';
import { downsampleFactors, downsampleVolume } from '../downsample';

describe('block-average downsampling', () => {
  it('chooses integer factors from the target spacing', () => {
    // 0.7 mm → floor(2.5 / 0.7) = 3; 1.25 mm → 2; 5 mm → 1 (never upsampled).
    expect(downsampleFactors([0.7, 0.7, 1.25], 2.5)).toEqual([3, 3, 2]);
    expect(downsampleFactors([5, 5, 5], 2.5)).toEqual([1, 1, 1]);
  });

  it('averages blocks and moves the origin to the block centre', () => {
    // 4 x 2 x 1 voxels of 1 mm, values 0..7, target 2 mm → factors (2, 2, 1).
    const image = createImage(
      { size: [4, 2, 1], spacingMm: [1, 1, 1], originMm: [10, 20, 30],
        direction: [0, -1, 0, 1, 0, 0, 0, 0, 1] },
      'int16',
      Int16Array.from([0, 1, 2, 3, 4, 5, 6, 7]),
    );
    const small = downsampleVolume(image, 2);

    expect(small.size).toEqual([2, 1, 1]);
    expect(small.spacingMm).toEqual([2, 2, 1]);
    // Block means: (0 + 1 + 4 + 5) / 4 = 2.5 and (2 + 3 + 6 + 7) / 4 = 4.5.
    expect(Array.from(small.data)).toEqual([2.5, 4.5]);
    // Shift (0.5, 0.5, 0) in index space; axis i points to +y, axis j to −x:
    // origin + 0.5·(0, 1, 0) + 0.5·(−1, 0, 0) = (9.5, 20.5, 30).
    expect(small.originMm).toEqual([9.5, 20.5, 30]);
  });
});
