import { describe, expect, it } from 'vitest';

import type { ImageGeometry } from '@/server/imaging/image';

import {
  applyMatrix,
  baselineCentreMm,
  centreAtMm,
  offsetSlice,
  sliceThrough,
} from './lesion-slices';

// Axial CT, 100 slices of 2.5 mm, slice 0 at z = -100 mm.
const axial: ImageGeometry = {
  size: [512, 512, 100],
  spacingMm: [0.8, 0.8, 2.5],
  originMm: [-200, -200, -100],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

describe('sliceThrough', () => {
  it('finds the slice of a point by its distance from the origin along k', () => {
    // (-40 - -100) / 2.5 = 24
    expect(sliceThrough(axial, [0, 0, -40])).toBe(24);
    // (-38.9 - -100) / 2.5 = 24.44, nearest slice 24; -38.6 gives 24.56, slice 25
    expect(sliceThrough(axial, [10, 5, -38.9])).toBe(24);
    expect(sliceThrough(axial, [10, 5, -38.6])).toBe(25);
  });

  it('follows a flipped slice axis', () => {
    // Slices run towards -z from z = 100: (100 - 40) / 2.5 = 24
    const flipped: ImageGeometry = {
      ...axial,
      originMm: [-200, -200, 100],
      direction: [1, 0, 0, 0, 1, 0, 0, 0, -1],
    };
    expect(sliceThrough(flipped, [0, 0, 40])).toBe(24);
  });

  it('keeps points outside the volume on its first or last slice', () => {
    expect(sliceThrough(axial, [0, 0, -500])).toBe(0);
    expect(sliceThrough(axial, [0, 0, 500])).toBe(99);
  });
});

describe('centreAtMm', () => {
  // Follow-up shifted 10 mm along z and scaled 2x in x about the origin.
  const matrix = [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 10];

  it('carries a baseline point through the registration matrix', () => {
    expect(applyMatrix(matrix, [3, 4, 5])).toEqual([6, 4, 15]);
  });

  it('uses the observation centroid when the lesion was seen', () => {
    const seen = {
      timepoint: 1,
      present: true,
      centroidMm: [1, 2, 3] as [number, number, number],
      centroidBaselineMm: null,
    };
    expect(centreAtMm(seen, [3, 4, 5], matrix)).toEqual([1, 2, 3]);
  });

  it('carries the baseline centre when the lesion is absent', () => {
    const absent = { timepoint: 1, present: false, centroidMm: null, centroidBaselineMm: null };
    expect(centreAtMm(absent, [3, 4, 5], matrix)).toEqual([6, 4, 15]);
    expect(centreAtMm(undefined, [3, 4, 5], null)).toEqual([3, 4, 5]);
    expect(centreAtMm(absent, null, matrix)).toBeNull();
  });
});

describe('baselineCentreMm', () => {
  it('prefers the baseline sighting, else the first centroid carried back', () => {
    const later = {
      timepoint: 2,
      present: true,
      centroidMm: [9, 9, 9] as [number, number, number],
      centroidBaselineMm: [7, 7, 7] as [number, number, number],
    };
    const base = {
      timepoint: 0,
      present: true,
      centroidMm: [1, 1, 1] as [number, number, number],
      centroidBaselineMm: null,
    };
    expect(baselineCentreMm([base, later], 0)).toEqual([1, 1, 1]);
    expect(baselineCentreMm([later], 0)).toEqual([7, 7, 7]);
  });
});

describe('offsetSlice', () => {
  it('moves every panel by the same offset within its own volume', () => {
    expect(offsetSlice(24, 3, 100)).toBe(27);
    expect(offsetSlice(24, -30, 100)).toBe(0);
    expect(offsetSlice(98, 5, 100)).toBe(99);
  });
});
