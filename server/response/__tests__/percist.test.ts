import { describe, expect, it } from 'vitest';

import { assessResponse } from '../assess-response';
import type { ResponseInput } from '../schema/input';

type PercistInput = Extract<ResponseInput, { criteria: 'percist1.0' }>;
type Scan = PercistInput['timepoints'][number];

/** Liver 2.0 +- 0.3 SUL: measurable from 1.5 x 2.0 + 2 x 0.3 = 3.6. */
const liver = { sulMean: 2.0, sulSd: 0.3 };

function scan(date: string, lesions: [string, number][], extra: Partial<Scan> = {}): Scan {
  return { date, liver, lesions: lesions.map(([id, sulPeak]) => ({ id, sulPeak })), ...extra };
}

function assess(...timepoints: Scan[]) {
  return assessResponse({ criteria: 'percist1.0', timepoints });
}

const baseline = scan('2024-01-01', [['A', 5.0], ['B', 4.0]], { uptakeTimeMin: 60 });

describe('PERCIST 1.0 measurability', () => {
  it('needs the hottest baseline lesion at 1.5 x liver mean + 2 SD or more', () => {
    const exactly = assess(scan('2024-01-01', [['A', 3.6]]));
    const below = assess(scan('2024-01-01', [['A', 3.5]]));

    expect(exactly.timepoints[0]?.trace[0]).toBe(
      'baseline: hottest lesion A SULpeak 3.6 >= 1.5 x liver SUL mean 2 + 2 x SD 0.3 = 3.6: ' +
        'measurable',
    );
    expect(exactly.warnings).toEqual([]);
    expect(below.warnings[0]).toContain('SULpeak 3.5 < 1.5 x liver SUL mean 2 + 2 x SD 0.3 = 3.6');
  });

  it('grades nothing but CMR and PMD when the baseline is not measurable', () => {
    const out = assess(scan('2024-01-01', [['A', 3.0]]), scan('2024-02-26', [['A', 2.5]]));

    expect(out.timepoints[1]?.overall).toBe('NE');
  });
});

describe('PERCIST 1.0 categories', () => {
  it('calls CMR when every lesion is at or below the liver mean and nothing is new', () => {
    // Liver mean 2.0; A 2.0 and B 1.5 are at or below it.
    const out = assess(baseline, scan('2024-02-26', [['A', 2.0], ['B', 1.5]]));

    expect(out.timepoints[1]?.overall).toBe('CMR');
  });

  it('calls PMR at >= 30% and >= 0.8 SUL down, using the hottest lesion of each scan', () => {
    // Baseline hottest A 5.0; follow-up hottest is B 3.5: -30% and -1.5 SUL.
    const out = assess(baseline, scan('2024-02-26', [['A', 3.0], ['B', 3.5]]));
    const now = out.timepoints[1];

    expect(now?.overall).toBe('PMR');
    expect(now?.hottestLesionId).toBe('B');
    expect(now?.changeFromBaselinePct).toBe(-30);
    expect(now?.changeFromBaselineSul).toBe(-1.5);
    expect(now?.trace[0]).toBe(
      'PMR: hottest lesion B SULpeak 3.5 is -30% and -1.5 SUL vs baseline 5 (lesion A)',
    );
  });

  it('calls SMD when the drop is 30% but under 0.8 SUL', () => {
    // Liver 1.0 +- 0.2 -> threshold 1.9; baseline 2.5 -> 1.75: -30% but only -0.75 SUL,
    // and 1.75 is above the liver mean, so not CMR either.
    const low = { sulMean: 1.0, sulSd: 0.2 };
    const out = assess(
      { date: '2024-01-01', liver: low, lesions: [{ id: 'A', sulPeak: 2.5 }] },
      { date: '2024-02-26', liver: low, lesions: [{ id: 'A', sulPeak: 1.75 }] },
    );

    expect(out.timepoints[1]?.overall).toBe('SMD');
    expect(out.timepoints[1]?.trace[0]).toBe(
      'SMD: hottest lesion A SULpeak 1.75 is -30% and -0.75 SUL vs baseline 2.5 (lesion A); ' +
        'the percentage is met but the change is under the 0.8 SUL floor',
    );
  });

  it('calls PMD only above 30% and above 0.8 SUL up', () => {
    // 5.0 -> 6.6: +32% and +1.6 -> PMD; 5.0 -> 6.5: exactly +30% -> SMD.
    expect(assess(baseline, scan('2024-02-26', [['A', 6.6]])).timepoints[1]?.overall).toBe('PMD');
    expect(assess(baseline, scan('2024-02-26', [['A', 6.5]])).timepoints[1]?.overall).toBe('SMD');
  });

  it('does not call PMD on +35% when the rise is under 0.8 SUL', () => {
    // Liver 1.0 +- 0.2; baseline 2.0 (>= 1.9) -> 2.7: +35% but +0.7 SUL.
    const low = { sulMean: 1.0, sulSd: 0.2 };
    const out = assess(
      { date: '2024-01-01', liver: low, lesions: [{ id: 'A', sulPeak: 2.0 }] },
      { date: '2024-02-26', liver: low, lesions: [{ id: 'A', sulPeak: 2.7 }] },
    );

    expect(out.timepoints[1]?.overall).toBe('SMD');
  });

  it('calls PMD on an unequivocal new lesion, not on an equivocal one', () => {
    const clear = scan('2024-02-26', [['A', 1.0]], {
      newLesions: [{ id: 'X', unequivocal: true }],
    });
    const unsure = scan('2024-02-26', [['A', 1.0]], {
      newLesions: [{ id: 'X', unequivocal: false }],
    });

    expect(assess(baseline, clear).timepoints[1]?.overall).toBe('PMD');
    // A at 1.0 is below the liver, but the equivocal lesion withholds CMR: 5.0 -> 1.0 is PMR.
    expect(assess(baseline, unsure).timepoints[1]?.overall).toBe('PMR');
  });
});

describe('PERCIST 1.0 non-target lesions', () => {
  // A (5.0) is the hottest baseline lesion and the target; C is a non-target by eye only.
  const withC = { ...baseline, nonTargets: [{ id: 'C', status: 'present' as const }] };
  const followUp = (lesions: [string, number][], status?: 'present' | 'absent' | 'progression') =>
    scan('2024-02-26', lesions, { nonTargets: status ? [{ id: 'C', status }] : [] });

  it('withholds CMR while a non-target is still present', () => {
    // A 1.5 and B 1.0 are at or below the liver mean 2.0, but C is present: graded instead,
    // 5.0 -> 1.5 is -70% and -3.5 SUL, PMR.
    const now = assess(withC, followUp([['A', 1.5], ['B', 1.0]], 'present')).timepoints[1];

    expect(now?.overall).toBe('PMR');
    expect(now?.nonTarget).toBe('non-CR/non-PD');
    expect(now?.trace).toEqual([
      'non-target(s) C still FDG-avid: no CMR, though they do not change PMR or SMD',
      'PMR: hottest lesion A SULpeak 1.5 is -70% and -3.5 SUL vs baseline 5 (lesion A)',
    ]);
  });

  it('calls CMR once the non-targets are back to background too', () => {
    const now = assess(withC, followUp([['A', 1.5], ['B', 1.0]], 'absent')).timepoints[1];

    expect(now?.overall).toBe('CMR');
    expect(now?.nonTarget).toBe('CR');
    expect(now?.trace[0]).toContain('every non-target lesion is back to background');
  });

  it('withholds CMR when a non-target was not assessed', () => {
    const now = assess(withC, followUp([['A', 1.5], ['B', 1.0]])).timepoints[1];

    expect(now?.overall).toBe('PMR');
    expect(now?.nonTarget).toBe('NE');
    expect(now?.trace[0]).toBe('non-target(s) C not assessed: CMR cannot be confirmed');
  });

  it('calls PMD on unequivocal progression of a non-target, whatever the hottest does', () => {
    // A 3.0 alone would be PMR (-40%, -2.0 SUL).
    const now = assess(withC, followUp([['A', 3.0], ['B', 2.5]], 'progression')).timepoints[1];

    expect(now?.overall).toBe('PMD');
    expect(now?.nonTarget).toBe('PD');
    expect(now?.trace).toEqual(['PMD: unequivocal progression of FDG-avid non-target(s) C']);
  });

  it('leaves PMR and SMD as they are when a non-target is merely present', () => {
    const partial = assess(withC, followUp([['A', 3.0], ['B', 2.5]], 'present'));
    const stable = assess(withC, followUp([['A', 4.5], ['B', 4.0]], 'present'));

    expect(partial.timepoints[1]?.overall).toBe('PMR');
    expect(stable.timepoints[1]?.overall).toBe('SMD');
    expect(partial.timepoints[0]?.trace).toContain('non-target lesion(s) followed by status: C');
  });
});

describe('PERCIST 1.0 comparability', () => {
  it('warns when the liver SUL mean moves more than 20% or 0.3 SUL', () => {
    // 2.0 -> 2.4 is +20% and +0.4 SUL: over the 0.3 SUL limit.
    const moved = { ...scan('2024-02-26', [['A', 4.0]]), liver: { sulMean: 2.4, sulSd: 0.3 } };
    const out = assess(baseline, moved);

    expect(out.timepoints[1]?.warnings).toEqual([
      'liver SUL mean 2.4 vs baseline 2 is +20% and +0.4 SUL (PERCIST wants within 20% and ' +
        '0.3); the scans may not be comparable',
    ]);
  });

  it('accepts a liver change within both limits', () => {
    // 2.0 -> 2.3: +15% and +0.3 SUL, both within.
    const moved = { ...scan('2024-02-26', [['A', 4.0]]), liver: { sulMean: 2.3, sulSd: 0.3 } };
    const out = assess(baseline, moved);

    expect(out.timepoints[1]?.warnings).toEqual([]);
  });

  it('warns when uptake times differ by more than 15 minutes', () => {
    const late = assess(baseline, scan('2024-02-26', [['A', 4.0]], { uptakeTimeMin: 76 }));
    const fine = assess(baseline, scan('2024-02-26', [['A', 4.0]], { uptakeTimeMin: 75 }));

    expect(late.warnings).toEqual([
      '2024-02-26: uptake time 76 min vs baseline 60 min differs by 16 min (PERCIST wants ' +
        'within 15); SUL values may not be comparable',
    ]);
    expect(fine.warnings).toEqual([]);
  });
});

describe('PERCIST 1.0 best response and lesion trajectories', () => {
  it('takes the best metabolic response and flags mixed responses', () => {
    // A 5.0 -> 3.0 (-40%, -2.0: responding); B 4.0 -> 5.5 (+37.5%, +1.5: progressing).
    // The hottest is now B at 5.5: +10% vs 5.0, so the scan is SMD but mixed.
    const out = assess(baseline, scan('2024-02-26', [['A', 3.0], ['B', 5.5]]));

    expect(out.timepoints[1]?.overall).toBe('SMD');
    expect(out.mixedResponse).toBe(true);
    expect(out.lesions?.map((l) => l.points[1]?.status)).toEqual(['responding', 'progressing']);
    expect(out.bestOverallResponse).toBe('SMD');
  });
});
