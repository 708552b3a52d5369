import { describe, expect, it } from 'vitest';

import type { DicomInstance } from '@/server/imaging/dicom/instance';

import { foldSliceFactors } from './decay-none';

const slice = (slope: number, intercept: number) =>
  ({ rescaleSlope: slope, rescaleIntercept: intercept }) as DicomInstance;

describe('foldSliceFactors', () => {
  it('scales each slice by its factor relative to the first', () => {
    // Slice 2 was acquired one half-life later: its factor is twice the first one, so
    // stored x slope x 2 x factor_0 = stored x slope x factor_1.
    const out = foldSliceFactors([slice(0.5, 0), slice(0.5, 10)], [1e-4, 2e-4]);

    expect(out[0]).toEqual(slice(0.5, 0));
    expect(out[1]?.rescaleSlope).toBeCloseTo(1.0, 12);
    expect(out[1]?.rescaleIntercept).toBeCloseTo(20, 12);
  });

  it('leaves decay-corrected series alone', () => {
    const input = [slice(1, 0), slice(2, 0)];

    expect(foldSliceFactors(input, undefined)).toBe(input);
  });
});
