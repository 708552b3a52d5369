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

describe('hallmark tracks, review list', () => {
  const seen = (id: string, timepoint: number, extra: object = {}) => ({
    id, timepoint, studyDate: table.timepoints[timepoint]!.studyDate, segmentMaskId: `m-${id}`,
    present: true, source: 'segmentation' as const, volumeMl: 1.5, longestDiameterMm: 14,
    shortAxisMm: 10, centroidMm: null, centroidBaselineMm: null, confidence: 0.9,
    reviewFlags: [] as string[], ...extra,
  });
  const lesion = (id: string, label: string, observations: ReturnType<typeof seen>[]) => ({
    id, label, status: 'active' as const, events: [], observations,
  });

  it('lists the links the lesion table asks a reader to look at, with why', () => {
    const lines: string[] = [];
    printTable({ ...table, lesions: [
      lesion('a', 'L1', [seen('o1', 0), seen('o2', 1, { confidence: 0.3 })]),
      lesion('b', 'L2', [seen('o3', 1)]),
      lesion('c', 'L3', [seen('o4', 0), seen('o5', 1, { reviewFlags: ['confirmed'] })]),
    ] }, (text) => lines.push(text));

    expect(lines.slice(-3)).toEqual([
      "To review (2), in the web app's lesion table:",
      '  L1 at T1 2020-05-26: low confidence 0.30',
      '  L2 at T1 2020-05-26: new lesion',
    ]);
  });

  it('says when there is nothing to review', () => {
    const lines: string[] = [];
    printTable({ ...table, lesions: [lesion('a', 'L1', [seen('o1', 0), seen('o2', 1)])] },
      (text) => lines.push(text));

    expect(lines.at(-1)).toBe(
      'Nothing to review: every link is confident or was decided by a reader.');
  });
});
