/**
 * Re-expressing a registered series' grid in its CT's frame, worked by hand: carrying a
 * mask from the CT, or from one registered series to another, goes through the stored
 * transforms composed as B ∘ A⁻¹.
 */
import { describe, expect, it } from 'vitest';

import { createImage, indexToPoint, pointToIndex, type ImageGeometry, type Vec3 }
  from '../../imaging/image';
import { transferMask } from '../../masks/transfer';
import { maskOnGrid } from '../../signals/resample-mask';
import { applyMatrix, composeMatrices, invertMatrix, type Mat3x4 } from '../affine';
import { geometryInReferenceFrame } from '../frame-geometry';

// CT point p ↦ series point R·p + t, R = 90° about z (x → y), t = (10, 0, 5).
const quarterTurn: Mat3x4 = [0, -1, 0, 10, 1, 0, 0, 0, 0, 0, 1, 5];
const series: ImageGeometry = {
  size: [8, 8, 8], spacingMm: [2, 2, 2], originMm: [0, 0, 0],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

describe('geometryInReferenceFrame', () => {
  it('puts each series voxel where the inverse transform says, in the CT frame', () => {
    const seen = geometryInReferenceFrame(series, quarterTurn);

    // Origin: Rᵀ·((0, 0, 0) − t) = Rᵀ·(−10, 0, −5) = (0, 10, −5).
    expect(seen.originMm).toEqual([0, 10, -5]);
    // Axis i: Rᵀ·(1, 0, 0) = (0, −1, 0), so voxel (1, 0, 0) lies at (0, 8, −5).
    expect(indexToPoint(seen, [1, 0, 0])).toEqual([0, 8, -5]);
    expect(seen.direction).toEqual([0, 1, 0, -1, 0, 0, 0, 0, 1]);
    expect(seen.size).toEqual(series.size);
    expect(seen.spacingMm).toEqual(series.spacingMm);
  });

  it('refuses a transform that scales, which no orthonormal grid can express', () => {
    const scaled: Mat3x4 = [1.1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];

    expect(() => geometryInReferenceFrame(series, scaled)).toThrow(
      'Only a rigid series registration can re-express a grid; this transform scales or ' +
        'shears. Register the series rigidly.',
    );
  });

  it('carries a CT mask onto the series through the transform', () => {
    const ct: ImageGeometry = { ...series, size: [20, 20, 20], originMm: [-20, -20, -20] };
    const mask = createImage(ct, 'uint8');
    // CT voxel (12, 10, 11) lies at (4, 0, 2); the series shows it at R·p + t = (10, 4, 7),
    // its voxel (5, 2, 3.5): nearest-neighbour picks slice 3 or 4 (3.5 rounds up to 4).
    mask.data[(11 * 20 + 10) * 20 + 12] = 1;
    const onSeries = maskOnGrid(mask, geometryInReferenceFrame(series, quarterTurn));
    const set = [...onSeries.data.keys()].filter((n) => onSeries.data[n] === 1)
      .map((n) => [n % 8, Math.floor(n / 8) % 8, Math.floor(n / 64)]);

    expect(set).toContainEqual([5, 2, 3]);
    expect(set.every(([i, j]) => i === 5 && j === 2)).toBe(true);
  });

  it('composes two registrations when a mask goes from one series to another', () => {
    // Series A: the CT shifted by (4, −6, 2); series B: the quarter turn above.
    const toA: Mat3x4 = [1, 0, 0, 4, 0, 1, 0, -6, 0, 0, 1, 2];
    const a: ImageGeometry = { ...series, size: [16, 16, 16], originMm: [-12, -12, -12] };
    const voxel: Vec3 = [7, 9, 6];
    const moved = transferMask(
      { bbox: [...voxel, ...voxel], data: Uint8Array.of(1) },
      geometryInReferenceFrame(a, toA),
      geometryInReferenceFrame(series, quarterTurn),
    );
    // A point (2, 6, 0) ↦ CT (−2, 12, −2) ↦ B (−2, −2, 3): outside B's grid (x < 0) ...
    const aToB = composeMatrices(quarterTurn, invertMatrix(toA));
    expect(applyMatrix(aToB, indexToPoint(a, voxel))).toEqual([-2, -2, 3]);
    expect(moved.bbox).toEqual([0, 0, 0, -1, -1, -1]);

    // ... while A voxel (12, 4, 6) at (12, −4, 0) ↦ CT (8, 2, −2) ↦ B (8, 8, 3), voxel (4, 4, 1.5).
    const inside: Vec3 = [12, 4, 6];
    const expected = pointToIndex(series, applyMatrix(aToB, indexToPoint(a, inside)));
    expect(expected).toEqual([4, 4, 1.5]);
    const landed = transferMask(
      { bbox: [...inside, ...inside], data: Uint8Array.of(1) },
      geometryInReferenceFrame(a, toA),
      geometryInReferenceFrame(series, quarterTurn),
    );
    expect(landed.bbox.slice(0, 2)).toEqual([4, 4]);
    expect([1, 2]).toContain(landed.bbox[2]);
  });
});
