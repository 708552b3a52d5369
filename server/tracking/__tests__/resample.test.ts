import { describe, expect, it } from 'vitest';
import { createImage, type ImageGeometry } from '../../imaging/image';
import { resampleVolume } from '../resample';

const line = (size: number, spacing: number, origin: number): ImageGeometry => ({
  size: [size, 1, 1], spacingMm: [spacing, 1, 1], originMm: [origin, 0, 0],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
});

describe('resampleVolume', () => {
  const source = createImage(line(3, 2, 0), 'int16', Int16Array.from([0, 10, 40]));
  const target = line(4, 1, 0.5);

  it('interpolates linearly between voxel centres (0, 2 and 4 mm)', () => {
    // Target centres at 0.5, 1.5, 2.5, 3.5 mm: a quarter and three quarters of the way
    // from 0 to 10, then from 10 to 40.
    const out = resampleVolume(source, target, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);

    expect(Array.from(out.data)).toEqual([2.5, 7.5, 17.5, 32.5]);
  });

  it('picks the nearest voxel and marks points outside', () => {
    // Shift by +3 mm: target 0.5 mm reads the source at 3.5 mm (nearest: voxel 2 at
    // 4 mm); 1.5 mm reads 4.5 mm, still within half a voxel of 4 mm; then 5.5 and 6.5 mm
    // fall outside the source (its last voxel ends at 5 mm).
    const out = resampleVolume(source, target, [1, 0, 0, 3, 0, 1, 0, 0, 0, 0, 1, 0], {
      interpolation: 'nearest', outsideValue: -1,
    });

    expect(Array.from(out.data)).toEqual([40, 40, -1, -1]);
  });
});
