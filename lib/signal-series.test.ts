import { describe, expect, it } from 'vitest';

import { lesionSeries, type StoredValue } from './signal-series';

const value = (lesionKey: string, date: string, v: number | null): StoredValue => ({
  lesionKey,
  signalId: 'fdg-suvmax',
  date,
  value: v,
  sourceSeriesUid: '1.2.3',
  sourceSeriesType: 'PT',
  sourceSeriesDescription: 'FDG WB',
});

const spec = {
  id: 'fdg-suvmax',
  responseDirection: 'decrease' as const,
  repeatability: { relativePercent: { decrease: 25, increase: 25 }, absolute: null },
};

describe('lesionSeries', () => {
  it('orders each lesion by date and bands its baseline', () => {
    const values = [
      value('L1', '2026-03-01', 6),
      value('L1', '2026-01-01', 8),
      value('L2', '2026-01-01', 4),
      value('L2', '2026-03-01', null),
    ];
    const lesions = [
      { key: 'L1', label: 'L1', tracked: true },
      { key: 'L2', label: 'L2', tracked: true },
      { key: 'L3', label: 'L3', tracked: true },
    ];
    const [l1, l2, ...rest] = lesionSeries(values, lesions, spec, '2026-01-01');

    expect(rest).toEqual([]);
    expect(l1?.points.map((p) => [p.date, p.value])).toEqual([
      ['2026-01-01', 8],
      ['2026-03-01', 6],
    ]);
    // Baseline 8 +- 25% = 6..10; 6 sits on the edge, so within noise.
    expect(l1?.band).toEqual({ low: 6, high: 10 });
    expect(l1?.points[1]?.withinNoise).toBe(true);
    expect(l1?.points[1]?.fromBaseline).toEqual({ absolute: -2, percent: -25 });
    expect(l1?.points[1]?.series).toBe('FDG WB');
    // A null value (skipped) is left out rather than drawn at zero.
    expect(l2?.points).toHaveLength(1);
  });

  it('marks a value measured under a propagated mask, and only that one', () => {
    const values = [
      value('L1', '2026-01-01', 8),
      { ...value('L1', '2026-03-01', 6), madeBy: 'propagated' },
      { ...value('L1', '2026-05-01', 5), madeBy: 'threshold' },
    ];
    const [l1] = lesionSeries(values, [{ key: 'L1', label: 'L1', tracked: true }], spec);

    expect(l1?.points.map((p) => p.propagated)).toEqual([false, true, false]);
  });
});
