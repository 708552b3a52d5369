import { describe, expect, it } from 'vitest';

import { describeTrackProgress, trackProgressFraction } from './track-progress';

describe('describeTrackProgress', () => {
  it('counts registrations finished, never more than there are', () => {
    expect(describeTrackProgress({ phase: 'registering', done: 0, total: 4 }))
      .toBe('Registering follow-ups to baseline: 0 of 4 done');
    expect(describeTrackProgress({ phase: 'registering', done: 4, total: 4 }))
      .toBe('Registering follow-ups to baseline: 4 of 4 done');
  });

  it('names each phase in words and passes an unknown one through', () => {
    expect(describeTrackProgress({ phase: 'registering-series', done: 1, total: 2 }))
      .toBe('Registering series in other frames: 1 of 2 done');
    expect(describeTrackProgress({ phase: 'matching', done: 4, total: 4 }))
      .toBe('Matching lesions across timepoints');
    expect(describeTrackProgress({ phase: 'later-phase', done: 0, total: 0 }))
      .toBe('later-phase');
  });
});

describe('trackProgressFraction', () => {
  it('only moves forward through the phases of a run', () => {
    const run = [
      { phase: 'loading', done: 0, total: 0 },
      { phase: 'registering', done: 0, total: 2 },
      { phase: 'registering', done: 1, total: 2 },
      { phase: 'registering', done: 2, total: 2 },
      { phase: 'registering-series', done: 0, total: 0 },
      { phase: 'matching', done: 2, total: 2 },
      { phase: 'saving', done: 2, total: 2 },
      { phase: 'done', done: 2, total: 2 },
    ].map(trackProgressFraction);

    expect(run[0]).toBe(0);
    expect(run.at(-1)).toBe(1);
    for (let i = 1; i < run.length; i++) expect(run[i]).toBeGreaterThanOrEqual(run[i - 1]!);
  });
});
