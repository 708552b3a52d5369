import { describe, expect, it } from 'vitest';

import { changeVerdict, hallmarkChanges, latestDate, type SummarySignal } from './lesion-summary';
import type { StoredValue } from './signal-series';

const relative = (pct: number) => ({
  relativePercent: { decrease: pct, increase: pct },
  absolute: null,
});

const CATALOGUE: SummarySignal[] = [
  {
    id: 'volume',
    name: 'Volume',
    hallmark: 'proliferation',
    responseDirection: 'decrease',
    repeatability: { relativePercent: { decrease: 12.1, increase: 13.4 }, absolute: null },
  },
  {
    id: 'flt',
    name: 'FLT',
    hallmark: 'proliferation',
    responseDirection: 'decrease',
    repeatability: relative(10),
  },
  {
    id: 'adc',
    name: 'ADC',
    hallmark: 'cellularity',
    responseDirection: 'increase',
    repeatability: relative(27),
  },
  {
    id: 'tbr',
    name: 'TBR',
    hallmark: 'hypoxia',
    responseDirection: 'decrease',
    repeatability: relative(20),
  },
  {
    id: 'hf',
    name: 'Hypoxic fraction',
    hallmark: 'hypoxia',
    responseDirection: 'decrease',
    repeatability: { relativePercent: null, absolute: 0.1 },
  },
  {
    id: 'ktrans',
    name: 'Ktrans',
    hallmark: 'vasculature',
    responseDirection: 'decrease',
    repeatability: relative(20),
  },
];

function v(signalId: string, date: string, value: number | null): StoredValue {
  return {
    lesionKey: 'track-1',
    signalId,
    date,
    value,
    sourceSeriesUid: null,
    sourceSeriesType: null,
    sourceSeriesDescription: null,
  };
}

const VALUES = [
  v('volume', '2026-01-01', 10),
  v('volume', '2026-02-01', 9),
  v('volume', '2026-04-01', 7),
  v('flt', '2026-01-01', 5),
  v('flt', '2026-04-01', 1),
  v('adc', '2026-01-01', 1000),
  v('adc', '2026-04-01', 1100),
  // TBR was not measured at the latest timepoint, so hypoxia falls to the hypoxic fraction.
  v('tbr', '2026-01-01', 2),
  v('tbr', '2026-02-01', 3),
  v('hf', '2026-01-01', 0.2),
  v('hf', '2026-04-01', 0.45),
  // Ktrans only at baseline: no change to show for vasculature.
  v('ktrans', '2026-01-01', 0.3),
  v('ktrans', '2026-04-01', null),
];

describe('hallmarkChanges', () => {
  const changes = hallmarkChanges(VALUES, CATALOGUE, '2026-01-01');
  const of = (h: string) => changes.find((c) => c.hallmark === h);

  it('has one entry per hallmark measured at baseline and at the latest timepoint', () => {
    expect(changes.map((c) => c.hallmark)).toEqual(['proliferation', 'cellularity', 'hypoxia']);
  });

  it('takes the first catalogue signal of a hallmark, from baseline to the latest date', () => {
    // Volume 10 -> 7 ml: -3, -30%. Band [10 - 1.21, 10 + 1.34] = [8.79, 11.34]; 7 is below.
    expect(of('proliferation')).toMatchObject({
      signalId: 'volume',
      baseline: { date: '2026-01-01', value: 10 },
      latest: { date: '2026-04-01', value: 7 },
      change: { absolute: -3, percent: -30 },
      verdict: 'response',
    });
  });

  it('greys a change inside the repeatability band', () => {
    // ADC 1000 -> 1100: +10%, inside +-27% ([730, 1270]).
    expect(of('cellularity')?.change.percent).toBeCloseTo(10, 10);
    expect(of('cellularity')?.verdict).toBe('within-noise');
  });

  it('falls back to a later signal when the first was not measured at the latest date', () => {
    // Fraction 0.2 -> 0.45: +0.25 is beyond the 0.1 band and against a decrease: progression.
    expect(of('hypoxia')?.signalId).toBe('hf');
    expect(of('hypoxia')?.change.percent).toBeCloseTo(125, 10);
    expect(of('hypoxia')?.verdict).toBe('progression');
  });

  it('is empty for a lesion without values', () => {
    expect(hallmarkChanges([v('volume', '2026-01-01', null)], CATALOGUE)).toEqual([]);
  });
});

describe('changeVerdict', () => {
  const adc = { responseDirection: 'increase' as const, repeatability: relative(27) };

  it('reads the sign against the response direction outside the band', () => {
    // 1000 -> 1300 is +30% > 27%: response for ADC; 1000 -> 700 is -30%: progression.
    expect(changeVerdict(1000, 1300, adc)).toBe('response');
    expect(changeVerdict(1000, 700, adc)).toBe('progression');
  });

  it('counts the band edge as noise', () => {
    // 1000 * 27% = 270, so 1270 sits on the upper edge.
    expect(changeVerdict(1000, 1270, adc)).toBe('within-noise');
  });

  it('gives no direction to a reference signal', () => {
    const ref = { responseDirection: 'none' as const, repeatability: relative(20) };

    expect(changeVerdict(2, 3, ref)).toBe('no-direction');
  });
});

describe('latestDate', () => {
  it('ignores dates whose values were skipped', () => {
    expect(latestDate([v('a', '2026-01-01', 1), v('a', '2026-05-01', null)])).toBe('2026-01-01');
  });
});
