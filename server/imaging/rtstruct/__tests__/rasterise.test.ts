import { describe, expect, it } from 'vitest';
import type { ImageGeometry, Vec3 } from '../../image';
import { rasteriseRoi } from '../rasterise';
import type { RtRoi } from '../types';

// 5 x 5 x 3 voxels of 2 x 2 x 3 mm; voxel (i, j, k) is centred at
// x = -10 + 2i, y = -10 + 2j, z = 5 + 3k.
const GRID: ImageGeometry = {
  size: [5, 5, 3],
  spacingMm: [2, 2, 3],
  originMm: [-10, -10, 5],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

/** Axis-aligned square contour from index corner (lo, lo) to (hi, hi) at height zMm. */
function square(lo: number, hi: number, zMm: number): { pointsMm: Vec3[] } {
  const mm = (index: number) => -10 + 2 * index;

  return {
    pointsMm: [[mm(lo), mm(lo), zMm], [mm(hi), mm(lo), zMm], [mm(hi), mm(hi), zMm],
      [mm(lo), mm(hi), zMm]],
  };
}

function roi(contours: { pointsMm: Vec3[] }[]): RtRoi {
  return { number: 1, name: 'test', contours };
}

/** Inside voxels as "i,j,k" strings, sorted. */
function insideVoxels(mask: { data: ArrayLike<number> }): string[] {
  const out: string[] = [];
  for (let v = 0; v < mask.data.length; v++) {
    if (mask.data[v]) out.push(`${v % 5},${Math.floor(v / 5) % 5},${Math.floor(v / 25)}`);
  }

  return out;
}

function block(from: number, to: number, k: number): string[] {
  const out: string[] = [];
  for (let j = from; j <= to; j++) for (let i = from; i <= to; i++) out.push(`${i},${j},${k}`);

  return out;
}

describe('rasteriseRoi', () => {
  it('fills the voxel centres inside a square on its slice', () => {
    // Index corners 0.5 and 3.5 enclose the centres 1, 2 and 3 on both axes: 9 voxels.
    const mask = rasteriseRoi(roi([square(0.5, 3.5, 8)]), GRID);

    expect(mask.pixelType).toBe('uint8');
    expect(insideVoxels(mask)).toEqual(block(1, 3, 1));
  });

  it('cuts a hole where a contour lies inside another (even-odd)', () => {
    // The inner square (1.5 .. 2.5) encloses only the centre (2, 2).
    const mask = rasteriseRoi(roi([square(0.5, 3.5, 8), square(1.5, 2.5, 8)]), GRID);

    expect(insideVoxels(mask)).toEqual(block(1, 3, 1).filter((v) => v !== '2,2,1'));
  });

  it('puts a contour between slices on the nearest slice, within half a spacing', () => {
    // z = 9.2 mm is k = 1.4 (slice 1); z = 9.8 mm is k = 1.6 (slice 2); z = 12.8 mm is
    // k = 2.6, nearer a slice 3 the grid does not have, so it is left out.
    const mask = rasteriseRoi(roi([square(0.5, 1.5, 9.2), square(2.5, 3.5, 9.8),
      square(0.5, 3.5, 12.8)]), GRID);

    expect(insideVoxels(mask)).toEqual(['1,1,1', '3,3,2']);
  });

  it('refuses a contour that is not parallel to the slices', () => {
    const tilted = { pointsMm: [[-9, -9, 8], [-3, -9, 8], [-3, -3, 14]] as Vec3[] };

    expect(() => rasteriseRoi(roi([tilted]), GRID)).toThrow(
      'ROI "test" has a contour across 2.00 slices.');
  });
});
