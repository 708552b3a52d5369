import { describe, expect, it } from 'vitest';

import type { LesionTable } from '@/server/lesions';
import { IDENTITY_MATRIX } from '@/server/tracking/affine';

import { printTable } from './tracks';

const identity = IDENTITY_MATRIX;
const quality = {
  finalMetric: 0.93, iterations: 1500, bodyOverlapDice: 0.9951, overlapFraction: 0.9,
  durationMs: 22_940, engine: 'native' as const,
};

const table: LesionTable = {
  patientId: 'P1',
  timepoints: [
    { id: 't0', index: 0, studyDate: '2020-04-02', registration: {
      status: 'baseline', method: null, reason: null, matrix: null, quality: null, series: [] } },
    { id: 't1', index: 1, studyDate: '2020-05-26', registration: {
      status: 'ok', method: 'elastix', reason: null, matrix: identity, quality, series: [
        { seriesId: 's1', modality: 'MR', description: 'ADC', status: 'ok',
          method: 'elastix-rigid', reason: null, matrix: identity,
          quality: { ...quality, finalMetric: null, durationMs: 4_000 } },
        { seriesId: 's2', modality: 'PT', description: 'FDG', status: 'failed',
          method: 'fallback-identity', reason: 'No body in the series.', matrix: identity,
          quality: null },
      ] } },
  ],
  lesions: [],
};

describe('hallmark tracks, as text', () => {
  it('prints each registration with what it was judged by, series included', () => {
    const lines: string[] = [];
    printTable(table, (text) => lines.push(text));

    expect(lines).toEqual([
      '  0  2020-04-02  registration baseline',
      '  1  2020-05-26  registration ok (body Dice 0.995, elastix native, 22.9 s)',
      '       MR "ADC" registered to the CT (body Dice 0.995, elastix native, 4.0 s)',
      '       PT "FDG" unregistered: No body in the series.',
      'No tracked lesions: run `hallmark track` first.',
    ]);
  });
});
