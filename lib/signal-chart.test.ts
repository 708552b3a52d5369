import { describe, expect, it } from 'vitest';

import {
  baselineIndex,
  changeBetween,
  dayDomain,
  niceDomain,
  pointChanges,
  repeatabilityBand,
  valueDomain,
  withinBand,
} from './signal-chart';
import { dayOf } from './timeline-scale';

const series = [
  { date: '2026-01-01', value: 10 },
  { date: '2026-02-01', value: 6 },
  { date: '2026-03-01', value: 8 },
  { date: '2026-04-01', value: 4 },
];

describe('pointChanges', () => {
  it('measures from baseline and from the lowest earlier value', () => {
    const c = pointChanges(series, 'decrease', '2026-01-01');

    expect(c[0]).toEqual({ fromBaseline: null, nadir: null, fromNadir: null });
    // 10 -> 6: -4, -40%; nadir so far is the baseline 10.
    expect(c[1]).toEqual({
      fromBaseline: { absolute: -4, percent: -40 },
      nadir: 10,
      fromNadir: { absolute: -4, percent: -40 },
    });
    // 10 -> 8: -20%; nadir min(10, 6) = 6, so 6 -> 8 is +2, +33.3%.
    expect(c[2]?.fromBaseline).toEqual({ absolute: -2, percent: -20 });
    expect(c[2]?.nadir).toBe(6);
    expect(c[2]?.fromNadir?.percent).toBeCloseTo(100 / 3, 10);
    // nadir min(10, 6, 8) = 6; 6 -> 4 is -2, -33.3%.
    expect(c[3]?.nadir).toBe(6);
    expect(c[3]?.fromNadir?.absolute).toBe(-2);
  });

  it('takes the highest earlier value as nadir when response is an increase', () => {
    const c = pointChanges(series, 'increase');

    // max(10, 6) = 10 before the third point; max(10, 6, 8) = 10 before the fourth.
    expect(c.map((p) => p.nadir)).toEqual([null, 10, 10, 10]);
  });

  it('starts a lesion first seen after the patient baseline at its first point', () => {
    expect(baselineIndex(series.slice(2), '2026-01-01')).toBe(0);
    expect(baselineIndex(series, '2026-02-15')).toBe(2);
    expect(pointChanges(series, 'decrease', '2026-02-15')[0]?.fromBaseline).toEqual({
      absolute: 2,
      percent: 25,
    });
    expect(pointChanges(series, 'decrease', '2026-02-15')[1]?.nadir).toBeNull();
  });

  it('gives no percent change from zero', () => {
    expect(changeBetween(0, 3)).toEqual({ absolute: 3, percent: null });
    // A negative reference keeps the sign of the change: -2 -> -1 is +1, +50%.
    expect(changeBetween(-2, -1)).toEqual({ absolute: 1, percent: 50 });
  });

  it('handles no points at all', () => {
    expect(pointChanges([], 'decrease')).toEqual([]);
    expect(baselineIndex([])).toBe(-1);
  });
});

describe('repeatabilityBand', () => {
  it('spans the relative limits around the baseline', () => {
    // 10 - 30% = 7; 10 + 40% = 14.
    const band = repeatabilityBand(10, {
      relativePercent: { decrease: 30, increase: 40 },
      absolute: null,
    });

    expect(band).toEqual({ low: 7, high: 14 });
    expect(withinBand(7.5, band)).toBe(true);
    expect(withinBand(6.9, band)).toBe(false);
  });

  it('reaches to the wider bound when both are given', () => {
    // Small baseline: 2 - 30% = 1.4 but the absolute 1.0 reaches 1.0; 2 + 40% = 2.8 vs 3.0.
    expect(
      repeatabilityBand(2, {
        relativePercent: { decrease: 30, increase: 40 },
        absolute: 1,
      }),
    ).toEqual({ low: 1, high: 3 });
    // Large baseline: 20 - 6 = 14 is wider than 20 - 1.
    expect(
      repeatabilityBand(20, {
        relativePercent: { decrease: 30, increase: 40 },
        absolute: 1,
      }),
    ).toEqual({ low: 14, high: 28 });
  });

  it('has no band without limits', () => {
    expect(repeatabilityBand(5, { relativePercent: null, absolute: null })).toBeNull();
    expect(withinBand(5, null)).toBe(false);
  });
});

describe('domains', () => {
  it('pads the value span by 8% either side', () => {
    // Span 4..14 is 10; 8% is 0.8.
    const [low, high] = valueDomain([4, 10, 14]);

    expect(low).toBeCloseTo(3.2, 12);
    expect(high).toBeCloseTo(14.8, 12);
  });

  it('keeps a non-negative series from dipping below zero', () => {
    // 0.5..10.5: 8% of 10 would reach -0.3, so the floor is 0.
    expect(valueDomain([0.5, 10.5])).toEqual([0, 11.3]);
    // Negative values are padded as usual: -2..8 -> -2.8..8.8.
    const [low] = valueDomain([-2, 8]);
    expect(low).toBeCloseTo(-2.8, 12);
  });

  it('opens a flat or empty series', () => {
    expect(valueDomain([5, 5])).toEqual([4.5, 5.5]);
    expect(valueDomain([0])).toEqual([-1, 1]);
    expect(valueDomain([Number.NaN])).toEqual([0, 1]);
  });

  it('spans the dates in days with padding', () => {
    expect(dayDomain(['2026-03-01', '2026-01-01'], 5)).toEqual([
      dayOf('2026-01-01') - 5,
      dayOf('2026-03-01') + 5,
    ]);
  });
});

describe('niceDomain', () => {
  it('rounds outward to a 1-2-5 step', () => {
    // Span 11.6 over 4 intervals is 2.9 per interval; the next 1-2-5 step is 5.
    expect(niceDomain([3.2, 14.8])).toEqual({ domain: [0, 15], ticks: [0, 5, 10, 15] });
    // 0.37 / 4 = 0.0925 -> step 0.1; no 0.30000000000000004 in the ticks.
    expect(niceDomain([0.1, 0.47]).ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    // Negative values: -7..3 is 10 / 4 = 2.5 per interval -> step 5.
    expect(niceDomain([-7, 3]).ticks).toEqual([-10, -5, 0, 5]);
  });

  it('leaves a degenerate domain alone', () => {
    expect(niceDomain([2, 2])).toEqual({ domain: [2, 2], ticks: [2, 2] });
  });
});
