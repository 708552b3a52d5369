import { describe, expect, it } from 'vitest';
import { createImage } from '../../imaging/image';
import { alignmentQuality } from '../alignment-quality';

describe('alignment quality', () => {
  it('counts body Dice only where the fixed grid maps inside the moving image', () => {
    // Ten 1 mm voxels in a row; body (0 HU) at 0..3, air (−1000) elsewhere, in both.
    const row = Int16Array.from([0, 0, 0, 0, -1000, -1000, -1000, -1000, -1000, -1000]);
    const geometry = {
      size: [10, 1, 1] as [number, number, number],
      spacingMm: [1, 1, 1] as [number, number, number],
      originMm: [0, 0, 0] as [number, number, number],
      direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as [
        number, number, number, number, number, number, number, number, number],
    };
    const fixed = createImage(geometry, 'int16', row);
    const moving = createImage(geometry, 'int16', row.slice());
    // Fixed x ↦ moving x + 2: voxels 0..7 land inside (9.5 mm is the moving edge).
    // Fixed body among them: 0..3 (4); warped body: moving(i + 2) ≤ 3 → i = 0, 1 (2);
    // both: 2. Dice = 2·2 / (4 + 2) = 2/3; overlap 8 of 10.
    const q = alignmentQuality(fixed, moving, [1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 1, 0]);

    expect(q.bodyOverlapDice).toBeCloseTo(2 / 3, 12);
    expect(q.overlapFraction).toBeCloseTo(0.8, 12);
  });

  it('gives Dice 1 and NCC 1 for an image against itself', () => {
    const data = Int16Array.from([0, 100, -1000, 50, 200, -1000, -900, 30]);
    const g = {
      size: [2, 2, 2] as [number, number, number],
      spacingMm: [1, 1, 1] as [number, number, number],
      originMm: [0, 0, 0] as [number, number, number],
      direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as [
        number, number, number, number, number, number, number, number, number],
    };
    const image = createImage(g, 'int16', data);
    const q = alignmentQuality(image, image, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);

    expect(q.bodyOverlapDice).toBe(1);
    expect(q.ncc).toBeCloseTo(1, 12);
  });
});
