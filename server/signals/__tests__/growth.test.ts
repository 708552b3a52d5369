import { describe, expect, it } from 'vitest';
import { AppError } from '@/server/lib/errors';
import { growthSignals } from '../growth';
import { newLesionCounts } from '../new-lesions';

describe('growthSignals', () => {
  it('gives SGR ln(V2/V1)/Δt and doubling time ln2/SGR', () => {
    // 2020-01-01 to 2020-03-01 is 31 + 29 = 60 days; the volume doubles.
    const [g] = growthSignals([
      { date: '2020-01-01', volumeMl: 10 },
      { date: '2020-03-01', volumeMl: 20 },
    ]);

    expect(g!.days).toBe(60);
    expect(g!.sgrPerDay).toBeCloseTo(Math.LN2 / 60, 15);
    expect(g!.doublingTimeDays).toBeCloseTo(60, 9);
  });

  it('gives a negative doubling time (halving time) for shrinking lesions', () => {
    const [g] = growthSignals([
      { date: '2020-01-01', volumeMl: 8 },
      { date: '2020-01-31', volumeMl: 2 },
    ]);

    // Two halvings in 30 days: SGR = ln(1/4)/30, DT = -15 days.
    expect(g!.sgrPerDay).toBeCloseTo(Math.log(0.25) / 30, 15);
    expect(g!.doublingTimeDays).toBeCloseTo(-15, 9);
  });

  it('spells out the undefined cases', () => {
    const g = growthSignals([
      { date: '2020-01-01', volumeMl: 5 },
      { date: '2020-02-01', volumeMl: 5 },
      { date: '2020-03-01', volumeMl: 0 },
    ]);

    expect(g[0]).toMatchObject({ sgrPerDay: 0, doublingTimeDays: null, note: 'no change' });
    expect(g[1]).toMatchObject({ sgrPerDay: null, note: 'volume is zero at one end' });
  });

  it('refuses dates that do not increase', () => {
    const run = () =>
      growthSignals([
        { date: '2020-02-01', volumeMl: 1 },
        { date: '2020-02-01', volumeMl: 2 },
      ]);

    expect(run).toThrow(AppError);
    expect(run).toThrow('Dates 2020-02-01 -> 2020-02-01 do not increase.');
  });
});

describe('newLesionCounts', () => {
  it('counts lesions absent at every earlier timepoint', () => {
    const counts = newLesionCounts([
      { date: 'a', lesionIds: ['L1', 'L2'] },
      { date: 'b', lesionIds: ['L1', 'L3'] },
      { date: 'c', lesionIds: ['L2', 'L3', 'L4', 'L5'] },
    ]);

    expect(counts.map((c) => c.count)).toEqual([0, 1, 2]);
  });
});
