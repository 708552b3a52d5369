import { describe, expect, it } from 'vitest';

import { autoWindow, CT_PRESETS, greyOf, hotLut } from './display';
import { outlineOfSlice } from './outline';

describe('greyOf', () => {
  it('maps a window linearly onto 0..255 and clamps outside it', () => {
    const wl = { center: 40, width: 400 }; // soft tissue: -160 .. 240 HU

    expect(greyOf(-160, wl)).toBe(0);
    expect(greyOf(-1000, wl)).toBe(0);
    expect(greyOf(240, wl)).toBe(255);
    expect(greyOf(40, wl)).toBe(128); // half-way: round(0.5 * 255)
  });

  it('has a lung window that shows air darker than soft tissue', () => {
    const lung = CT_PRESETS.Lung as { center: number; width: number };

    expect(greyOf(-850, lung)).toBeLessThan(greyOf(40, lung));
  });
});

describe('hotLut', () => {
  it('runs from black to white through red', () => {
    const lut = hotLut();

    expect([...lut.slice(0, 3)]).toEqual([0, 0, 0]);
    expect([...lut.slice(255 * 3)]).toEqual([255, 255, 255]);
    // At 40 % red is full while green has not started.
    const i = Math.round(0.4 * 255);
    expect(lut[i * 3]).toBe(255);
    expect(lut[i * 3 + 1]).toBeLessThan(5);
  });
});

describe('autoWindow', () => {
  it('spans the 1st to 99th percentile', () => {
    const sample = Array.from({ length: 101 }, (_, i) => i * 10); // 0 .. 1000

    expect(autoWindow(sample)).toEqual({ center: 500, width: 980 });
  });
});

describe('outlineOfSlice', () => {
  it('returns the ring of a filled 3x3 square, not its centre', () => {
    const mask = new Uint8Array(9).fill(1);
    const ring = outlineOfSlice(mask, [10, 20, 5, 12, 22, 5], 5);

    expect(ring).toHaveLength(8);
    expect(ring).not.toContainEqual({ i: 11, j: 21 });
    expect(ring).toContainEqual({ i: 10, j: 20 });
  });

  it('is empty on slices outside the box', () => {
    expect(outlineOfSlice(new Uint8Array(1).fill(1), [0, 0, 3, 0, 0, 3], 4)).toEqual([]);
  });
});
