/**
 * Refinement with the HU window learnt on the previous image. Blobs on 1 mm voxels with
 * ±10 HU of fixed pseudo-random noise: a lesion that shrank from 8 mm to 3 mm radius
 * leaves the carried mask mostly on its organ, so a window estimated under the carried
 * mask on the new image describes the organ; the window learnt where the lesion's mask
 * is known still describes the lesion.
 */
import { describe, expect, it } from 'vitest';

import { createImage, indexToPoint, type ImageGeometry, type Vec3 } from '../../imaging/image';
import { IDENTITY_MATRIX, affine } from '../affine';
import { learnWindow } from '../lesion-window';
import { fillHoles } from '../mask-morphology';
import { propagateMask } from '../propagate-mask';

const grid: ImageGeometry = {
  size: [40, 40, 40], spacingMm: [1, 1, 1], originMm: [-20, -20, -20],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

function pointOf(n: number): Vec3 {
  return indexToPoint(grid, [n % 40, Math.floor(n / 40) % 40, Math.floor(n / 1600)]);
}

function ball(radiusMm: number) {
  const image = createImage(grid, 'uint8');
  image.data.forEach((_, n) => {
    if (Math.hypot(...pointOf(n)) <= radiusMm) image.data[n] = 1;
  });

  return image;
}

/** A CT whose value is `hu(p)` plus noise in [−10, 10] HU. */
function ct(hu: (p: Vec3) => number) {
  const image = createImage(grid, 'int16');
  let seed = 11;
  image.data.forEach((_, n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    image.data[n] = hu(pointOf(n)) + Math.round((seed / 2147483648) * 20 - 10);
  });

  return image;
}

function count(data: ArrayLike<number>): number {
  let total = 0;
  for (let n = 0; n < data.length; n++) total += data[n] ? 1 : 0;

  return total;
}

const inside = (radiusMm: number) => (p: Vec3) => Math.hypot(...p) <= radiusMm;

describe('learnWindow', () => {
  it('bounds a bright lesion from below only when nothing around it is brighter', () => {
    const learnt = learnWindow(ct((p) => (inside(8)(p) ? 80 : 0)), ball(8));

    expect(learnt?.windowHu[0]).toBeGreaterThan(10);
    expect(learnt?.windowHu[0]).toBeLessThan(70);
    expect(learnt?.windowHu[1]).toBe(Infinity);
    expect(learnt?.separation).toBeGreaterThan(0.95);
  });

  it('bounds a dark lesion from above, and from below when a darker tissue touches it', () => {
    // 20 HU lesion in a 90 HU organ, with −100 HU fat filling the half space z < −6 mm.
    const image = ct((p) => (inside(8)(p) ? 20 : p[2] < -6 ? -100 : 90));
    const learnt = learnWindow(image, ball(8));

    expect(learnt?.windowHu[1]).toBeGreaterThan(30);
    expect(learnt?.windowHu[1]).toBeLessThan(80);
    expect(learnt?.windowHu[0]).toBeGreaterThan(-90);
    expect(learnt?.windowHu[0]).toBeLessThan(10);
  });
});

describe('propagateMask with the previous image', () => {
  const before = ct((p) => (inside(8)(p) ? 80 : 0));
  const after = ct((p) => (inside(3)(p) ? 80 : 0));
  const stay = affine(IDENTITY_MATRIX);

  it('finds a lesion that shrank under a carried mask now mostly on its organ', () => {
    const truth = count(ball(3).data);
    const learnt = propagateMask(ball(8), stay, after, { previousImage: before });

    expect(count(learnt.mask.data)).toBeGreaterThanOrEqual(truth * 0.9);
    expect(count(learnt.mask.data)).toBeLessThanOrEqual(truth * 1.1);
    expect(learnt.flags).toContain('large-volume-change');
  });

  it('does better than the window estimated on the new image alone', () => {
    const truth = count(ball(3).data);
    const estimated = propagateMask(ball(8), stay, after);

    expect(Math.abs(count(estimated.mask.data) - truth)).toBeGreaterThan(truth * 0.5);
  });
});

describe('propagateMask bounding a leak', () => {
  it('keeps the carried voxels in the window when growth runs into a similar neighbour', () => {
    // The lesion stays put, but an organ of its 80 HU now touches it at x ≥ 6 mm.
    const before = ct((p) => (inside(6)(p) ? 80 : 0));
    const after = ct((p) => (inside(6)(p) || p[0] >= 6 ? 80 : 0));
    const result = propagateMask(ball(6), affine(IDENTITY_MATRIX), after, {
      previousImage: before, searchMarginMm: 4,
    });

    expect(result.flags).toContain('refinement-leaked');
    expect(count(result.mask.data)).toBe(count(ball(6).data));
  });
});

describe('fillHoles', () => {
  it('fills a cavity and leaves a solid ball as it is', () => {
    const shell = ball(8);
    const cavity = ball(3);
    shell.data.forEach((v, n) => {
      shell.data[n] = v && !cavity.data[n] ? 1 : 0;
    });
    const filled = fillHoles(shell);

    expect(count(filled.data)).toBe(count(ball(8).data));
    expect(count(fillHoles(cavity).data)).toBe(count(cavity.data));
  });
});
