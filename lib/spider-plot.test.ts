import { describe, expect, it } from 'vitest';

import {
  changePct,
  daysSince,
  percentDomain,
  PERCIST_REFERENCE_PCT,
  spiderPlot,
} from './spider-plot';

describe('changePct', () => {
  it('is (value - baseline) / baseline in percent', () => {
    // (35 - 50) / 50 = -0.3
    expect(changePct(35, 50)).toBeCloseTo(-30, 10);
    // (12 - 10) / 10 = +0.2
    expect(changePct(12, 10)).toBeCloseTo(20, 10);
  });

  it('has no value without a positive baseline or a measurement', () => {
    expect(changePct(5, 0)).toBeUndefined();
    expect(changePct(undefined, 10)).toBeUndefined();
    expect(changePct(10, undefined)).toBeUndefined();
  });
});

describe('daysSince', () => {
  it('counts calendar days, across a leap day', () => {
    // 2024-02-01 to 2024-03-01: 29 days in February 2024.
    expect(daysSince('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysSince('2024-02-01', '2024-02-01')).toBe(0);
  });
});

describe('percentDomain', () => {
  it('widens to whole tens and always shows the reference lines and zero', () => {
    expect(percentDomain([-12, 3], [-30, 20])).toEqual([-30, 20]);
    expect(percentDomain([-47, 61], [-30, 20])).toEqual([-50, 70]);
    expect(percentDomain([5], PERCIST_REFERENCE_PCT)).toEqual([-30, 30]);
  });

  it('stops at -100%, where a lesion has gone', () => {
    expect(percentDomain([-100], [-30, 20])).toEqual([-100, 20]);
  });
});

describe('spiderPlot', () => {
  const plot = spiderPlot({
    dates: ['2024-01-01', '2024-01-31', '2024-03-01'],
    lesions: [
      { id: 'L1', values: [20, 15, 10] },
      { id: 'L2', values: [10, undefined, 12] },
      // First seen on the second scan: followed from there.
      { id: 'L3', values: [undefined, 8, 4] },
    ],
    sums: [30, undefined, 22],
  });

  it('gives each lesion and the sum its change from its own first measurement', () => {
    // L1: 15/20 - 1 = -25%, 10/20 - 1 = -50%; L2: 12/10 - 1 = +20%; L3: 4/8 - 1 = -50%;
    // sum: 22/30 - 1 = -26.666...% rounded to -26.7.
    expect(plot.rows.map((r) => r['lesion:L1'])).toEqual([0, -25, -50]);
    expect(plot.rows.map((r) => r['lesion:L2'])).toEqual([0, null, 20]);
    expect(plot.rows.map((r) => r['lesion:L3'])).toEqual([null, 0, -50]);
    expect(plot.rows.map((r) => r.sum)).toEqual([0, null, -26.7]);
  });

  it('places scans by days since the baseline and lists the sum last', () => {
    // January has 31 days; 2024-03-01 is 31 + 29 = 60 days after 2024-01-01.
    expect(plot.rows.map((r) => r.day)).toEqual([0, 30, 60]);
    expect(plot.series.map((s) => s.key)).toEqual(['lesion:L1', 'lesion:L2', 'lesion:L3', 'sum']);
    expect(plot.domainPct).toEqual([-50, 20]);
    expect(plot.referencePct).toEqual([-30, 20]);
  });
});
