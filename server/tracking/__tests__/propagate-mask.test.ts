/**
 * A blob of 80 HU, radius 8 mm, in 0 HU tissue with ±10 HU of fixed pseudo-random noise,
 * on 1 mm voxels. Between the timepoints it moves by (3, −2, 2) mm; the transform handed
 * to propagateMask knows only (2, −1, 1) mm of it, as a registration that is a little
 * off would, so the refinement has to find the rest on the image.
 */
import { describe, expect, it } from 'vitest';
import { createImage, indexToPoint, type ImageGeometry, type Vec3 } from '../../imaging/image';
import { affine } from '../affine';
import { propagateMask } from '../propagate-mask';

const grid: ImageGeometry = {
  size: [40, 40, 40], spacingMm: [1, 1, 1], originMm: [-20, -20, -20],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};
const RADIUS_MM = 8;

function ball(centreMm: Vec3, value = 1) {
  const image = createImage(grid, 'uint8');
  image.data.forEach((_, n) => {
    const p = indexToPoint(grid, [n % 40, Math.floor(n / 40) % 40, Math.floor(n / 1600)]);
    if (Math.hypot(p[0] - centreMm[0], p[1] - centreMm[1], p[2] - centreMm[2]) <= RADIUS_MM) {
      image.data[n] = value;
    }
  });

  return image;
}

function ctWithBlob(centreMm: Vec3, extra?: (p: Vec3) => boolean) {
  const inside = ball(centreMm);
  const ct = createImage(grid, 'int16');
  let seed = 7;
  ct.data.forEach((_, n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const noise = Math.round((seed / 2147483648) * 20 - 10);
    const p = indexToPoint(grid, [n % 40, Math.floor(n / 40) % 40, Math.floor(n / 1600)]);
    ct.data[n] = (inside.data[n] || extra?.(p) ? 80 : 0) + noise;
  });

  return ct;
}

function dice(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let both = 0;
  let total = 0;
  for (let n = 0; n < a.length; n++) {
    if (a[n] && b[n]) both++;
    if (a[n]) total++;
    if (b[n]) total++;
  }

  return (2 * both) / total;
}

const previous = ball([0, 0, 0]);
const truth = ball([3, -2, 2]);
const roughShift = affine([1, 0, 0, 2, 0, 1, 0, -1, 0, 0, 1, 1]);

describe('propagateMask', () => {
  it('carries a blob and refines it onto where it really is', () => {
    const result = propagateMask(previous, roughShift, ctWithBlob([3, -2, 2]));

    // The carried mask sits 1.7 mm off; the refined one must match the blob itself.
    const carriedDice = dice(result.carriedMask.data, truth.data);
    const refinedDice = dice(result.mask.data, truth.data);
    expect(carriedDice).toBeLessThan(0.9);
    expect(refinedDice).toBeGreaterThan(0.98);
    expect(result.flags).toEqual([]);
    // The window is centred near the blob's 80 HU and keeps the 0 HU tissue out.
    expect(result.windowHu?.[0]).toBeGreaterThan(10);
    expect(result.windowHu?.[1]).toBeLessThan(150);
  });

  it('stays inside the search margin and says so when the blob touches similar tissue', () => {
    // A slab of the same 80 HU joins the blob at x ≥ 10 mm: growing would run into it.
    const ct = ctWithBlob([3, -2, 2], (p) => p[0] >= 10);
    const result = propagateMask(previous, roughShift, ct, { searchMarginMm: 4 });

    expect(result.flags).toContain('reaches-search-edge');
    // Nothing beyond the carried mask's extent (x ≤ 2 + 8 mm) plus the 4 mm margin.
    result.mask.data.forEach((v, n) => {
      if (v) expect(indexToPoint(grid, [n % 40, 0, 0])[0]).toBeLessThanOrEqual(14);
    });
  });

  it('does not flag a lesion that reaches the margin without going past it', () => {
    // The blob moved 2 mm along x and the transform knows none of it: with a 2 mm margin
    // its leading rim just touches the edge, a few per cent of its surface.
    const still = affine([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
    const result = propagateMask(previous, still, ctWithBlob([2, 0, 0]), { searchMarginMm: 2 });

    expect(dice(result.mask.data, ball([2, 0, 0]).data)).toBeGreaterThan(0.98);
    expect(result.flags).toEqual([]);
  });

  it('flags a lesion that goes on past the margin', () => {
    const still = affine([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
    const result = propagateMask(previous, still, ctWithBlob([1.5, 0, 0]),
      { searchMarginMm: 1 });

    expect(result.flags).toContain('reaches-search-edge');
  });

  it('flags a mask carried outside the next image', () => {
    const away = affine([1, 0, 0, 200, 0, 1, 0, 0, 0, 0, 1, 0]);
    const result = propagateMask(previous, away, ctWithBlob([3, -2, 2]));

    expect(result.flags).toEqual(['empty-after-transform']);
    expect(result.mask.data.every((v) => v === 0)).toBe(true);
  });

  it('keeps the carried mask when nothing under it fits the window', () => {
    const result = propagateMask(previous, roughShift, ctWithBlob([3, -2, 2]), {
      windowHu: [500, 600],
    });

    expect(result.flags).toEqual(['no-seed']);
    expect(result.mask).toBe(result.carriedMask);
  });
});
