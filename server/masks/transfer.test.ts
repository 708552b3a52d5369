import { describe, expect, it } from 'vitest';

import { IDENTITY_DIRECTION } from '@/server/imaging/image';

import { transferMask } from './transfer';

const fine = {
  size: [20, 20, 10] as [number, number, number],
  spacingMm: [1, 1, 1] as [number, number, number],
  originMm: [0, 0, 0] as [number, number, number],
  direction: IDENTITY_DIRECTION,
};

describe('transferMask', () => {
  it('maps a 4x4x2 block of 1 mm voxels onto a 2 mm grid as a 2x2x1 block', () => {
    // Source voxels i = 4..7 have centres 4..7 mm. Target voxels (2 mm, origin 0) have
    // centres 0, 2, 4, 6, 8 mm: centres 4 and 6 fall on source voxels 4 and 6 (inside);
    // 8 rounds to source 8 (outside). Slices: source k = 2..3; target k = 1 (z = 2 mm).
    const coarse = {
      ...fine,
      size: [10, 10, 5] as [number, number, number],
      spacingMm: [2, 2, 2] as [number, number, number],
    };
    const mask = { bbox: [4, 4, 2, 7, 7, 3], data: new Uint8Array(32).fill(1) };

    const out = transferMask(mask, fine, coarse);
    const inside: number[][] = [];
    const [a0 = 0, b0 = 0, c0 = 0, a1 = 0, b1 = 0] = out.bbox;
    const nx = a1 - a0 + 1;
    const ny = b1 - b0 + 1;
    out.data.forEach((v, n) => {
      if (v)
        inside.push([
          a0 + (n % nx),
          b0 + (Math.floor(n / nx) % ny),
          c0 + Math.floor(n / (nx * ny)),
        ]);
    });

    expect(inside.sort()).toEqual([
      [2, 2, 1],
      [2, 3, 1],
      [3, 2, 1],
      [3, 3, 1],
    ]);
  });

  it('follows a flipped axis through patient coordinates', () => {
    // Target i axis runs towards -x from origin x = 19: target i = 19 - x.
    const flipped = {
      ...fine,
      originMm: [19, 0, 0] as [number, number, number],
      direction: [-1, 0, 0, 0, 1, 0, 0, 0, 1] as typeof fine.direction,
    };
    const mask = { bbox: [2, 5, 5, 2, 5, 5], data: new Uint8Array([1]) };

    expect(transferMask(mask, fine, flipped)).toEqual({
      bbox: [17, 5, 5, 17, 5, 5],
      data: new Uint8Array([1]),
    });
  });

  it('is empty when the mask lies outside the target grid', () => {
    const away = { ...fine, originMm: [500, 0, 0] as [number, number, number] };
    const mask = { bbox: [2, 2, 2, 2, 2, 2], data: new Uint8Array([1]) };

    expect(transferMask(mask, fine, away).data.length).toBe(0);
  });
});
