import { describe, expect, it } from 'vitest';
import { createImage, type ImageVolume, type Vec3 } from '../../imaging/image';
import { measureLesion } from '../measure-lesion';

function emptyMask(size: Vec3, spacingMm: Vec3, originMm: Vec3 = [10, 20, 30]): ImageVolume {
  return createImage({ size, spacingMm, originMm, direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] },
    'uint8');
}

function set(mask: ImageVolume, i: number, j: number, k: number, value = 1): void {
  mask.data[(k * mask.size[1] + j) * mask.size[0] + i] = value;
}

describe('measureLesion', () => {
  it('measures a 5 x 3 rectangle edge to edge', () => {
    // Pixels i = 2..6, j = 4..6 of 1 mm, slices 2 mm thick, one slice (k = 1).
    const mask = emptyMask([10, 10, 3], [1, 1, 2]);
    for (let i = 2; i <= 6; i++) for (let j = 4; j <= 6; j++) set(mask, i, j, 1);
    const m = measureLesion(mask);

    expect(m.voxelCount).toBe(15);
    // 15 voxels of 1 x 1 x 2 mm = 30 mm³ = 0.03 ml.
    expect(m.volumeMl).toBeCloseTo(0.03, 12);
    // Centre index (4, 5, 1) → (10 + 4, 20 + 5, 30 + 2).
    expect(m.centroidMm).toEqual([14, 25, 32]);
    // The diagonal of the 5 x 3 mm outline: √(25 + 9) = √34.
    expect(m.longestAxialDiameterMm).toBeCloseTo(Math.sqrt(34), 9);
    // Perpendicular to the diagonal (5, 3)/√34, a chord runs from one long side to the
    // other: Δy = 3 along v = (−3, 5)/√34, so its length is 3·√34/5.
    expect(m.shortAxisMm).toBeCloseTo((3 * Math.sqrt(34)) / 5, 6);
    expect(m.sliceIndex).toBe(1);
    expect(m.slicePositionMm).toBe(32);
    expect(m.componentCount).toBe(1);
  });

  it('measures a digitised disc of radius 2 pixels', () => {
    // Pixels with i² + j² ≤ 4 about (5, 5): rows of 1, 3, 5, 3, 1 = 13 pixels.
    const mask = emptyMask([11, 11, 1], [1, 1, 1]);
    for (let i = -2; i <= 2; i++) {
      for (let j = -2; j <= 2; j++) if (i * i + j * j <= 4) set(mask, 5 + i, 5 + j, 0);
    }
    const m = measureLesion(mask);

    expect(m.voxelCount).toBe(13);
    // Farthest corners: (2.5, 0.5) and (−2.5, −0.5) from the centre: √(25 + 1) = √26.
    expect(m.longestAxialDiameterMm).toBeCloseTo(Math.sqrt(26), 9);
    // The shape is symmetric under a 90° turn, so the corners (−0.5, 2.5) and
    // (0.5, −2.5) lie on a line perpendicular to the long axis, also √26 apart.
    expect(m.shortAxisMm).toBeCloseTo(Math.sqrt(26), 9);
    expect(m.centroidMm).toEqual([15, 25, 30]);
  });

  it('measures a large disc within a pixel of its true diameter', () => {
    // Radius 10 mm on 0.5 mm pixels. A pixel whose centre is inside the circle can stick
    // out by half its diagonal (0.35 mm) on each side, so allow one diagonal, 0.71 mm.
    const mask = emptyMask([50, 50, 1], [0.5, 0.5, 1]);
    for (let i = 0; i < 50; i++) {
      for (let j = 0; j < 50; j++) {
        if (Math.hypot((i - 24.5) * 0.5, (j - 24.5) * 0.5) <= 10) set(mask, i, j, 0);
      }
    }
    const m = measureLesion(mask);

    expect(Math.abs(m.longestAxialDiameterMm - 20)).toBeLessThan(Math.SQRT2 * 0.5);
    expect(Math.abs(m.shortAxisMm - 20)).toBeLessThan(Math.SQRT2 * 0.5);
    // π·10² mm² · 1 mm = 314 mm³, within the ring of boundary pixels.
    expect(Math.abs(m.volumeMl - Math.PI * 0.1)).toBeLessThan(0.02);
  });

  it('counts two components, measures the larger and averages all voxels', () => {
    const mask = emptyMask([12, 12, 2], [1, 1, 1], [0, 0, 0]);
    // A: a row of 3 voxels at j = 1, i = 1..3; B: a 2 x 2 square at i = 8..9, j = 8..9.
    for (let i = 1; i <= 3; i++) set(mask, i, 1, 0);
    for (let i = 8; i <= 9; i++) for (let j = 8; j <= 9; j++) set(mask, i, j, 0);
    const m = measureLesion(mask);

    expect(m.componentCount).toBe(2);
    expect(m.voxelCount).toBe(7);
    // B is larger: its outline is 2 x 2 mm, diagonal √8; perpendicular chord also √8.
    expect(m.longestAxialDiameterMm).toBeCloseTo(Math.sqrt(8), 9);
    expect(m.shortAxisMm).toBeCloseTo(Math.sqrt(8), 9);
    // Mean of i: (1 + 2 + 3 + 8 + 9 + 8 + 9) / 7 = 40/7; of j: (3·1 + 2·8 + 2·9) / 7 = 37/7.
    expect(m.centroidMm[0]).toBeCloseTo(40 / 7, 12);
    expect(m.centroidMm[1]).toBeCloseTo(37 / 7, 12);
  });

  it('joins voxels that touch only at a corner (26-connectivity)', () => {
    const mask = emptyMask([4, 4, 4], [1, 1, 1]);
    set(mask, 1, 1, 1);
    set(mask, 2, 2, 2);

    expect(measureLesion(mask).componentCount).toBe(1);
  });

  it('measures only the requested label', () => {
    const mask = emptyMask([4, 4, 1], [1, 1, 1]);
    set(mask, 0, 0, 0, 1);
    set(mask, 1, 0, 0, 2);
    set(mask, 2, 0, 0, 2);

    expect(measureLesion(mask, { label: 2 }).voxelCount).toBe(2);
    expect(measureLesion(mask).voxelCount).toBe(3);
  });

  it('reports an empty mask as zero, not as a lesion at the origin', () => {
    const m = measureLesion(emptyMask([3, 3, 3], [1, 1, 1]));

    expect(m.voxelCount).toBe(0);
    expect(m.componentCount).toBe(0);
    expect(Number.isNaN(m.centroidMm[0])).toBe(true);
  });
});
