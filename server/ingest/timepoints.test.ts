import { describe, expect, it } from 'vitest';

import { chooseBaseline, groupStudies } from './timepoints';

const study = (studyId: string, date: string) => ({ studyId, date });

describe('groupStudies', () => {
  it('puts studies of the same day into one timepoint with a window of 0', () => {
    const groups = groupStudies(
      [study('pet', '2026-03-02'), study('ct', '2026-03-02'), study('mr', '2026-03-03')],
      0,
    );

    expect(groups).toEqual([
      { date: '2026-03-02', studyIds: ['pet', 'ct'] },
      { date: '2026-03-03', studyIds: ['mr'] },
    ]);
  });

  it('chains studies within the window and starts anew after a gap', () => {
    // 1 -> 3 is 2 days, 3 -> 5 is 2 days: one group; 5 -> 20 opens a new one.
    const groups = groupStudies(
      [
        study('a', '2026-01-05'),
        study('b', '2026-01-01'),
        study('c', '2026-01-03'),
        study('d', '2026-01-20'),
      ],
      2,
    );

    expect(groups.map((g) => g.studyIds)).toEqual([['b', 'c', 'a'], ['d']]);
    expect(groups[0]?.date).toBe('2026-01-01');
  });

  it('counts days across a month end and a leap day', () => {
    const groups = groupStudies([study('a', '2028-02-28'), study('b', '2028-03-01')], 1);

    expect(groups).toHaveLength(2);
  });
});

describe('chooseBaseline', () => {
  const dates = ['2026-01-10', '2026-03-07', '2026-05-02'];

  it('takes the last scan before therapy starts', () => {
    expect(chooseBaseline(dates, ['2026-03-20'])).toBe(1);
  });

  it('counts a scan on the first day of therapy as before it', () => {
    expect(chooseBaseline(dates, ['2026-03-07'])).toBe(1);
  });

  it('uses the earliest of several therapy lines', () => {
    expect(chooseBaseline(dates, ['2026-05-10', '2026-01-15'])).toBe(0);
  });

  it('falls back to the first timepoint without therapy or with therapy before all scans', () => {
    expect(chooseBaseline(dates, [])).toBe(0);
    expect(chooseBaseline(dates, ['2025-12-01'])).toBe(0);
    expect(chooseBaseline([], [])).toBe(-1);
  });
});
