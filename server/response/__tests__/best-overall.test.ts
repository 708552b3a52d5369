import { describe, expect, it } from 'vitest';

import { bestOverallResponse } from '../best-overall';
import type { RecistOverall } from '../categories';
import { RECIST_VOCABULARY } from '../recist/assess-recist';

const BASELINE = '2024-01-01';

/** Follow-ups given as [days after baseline, category]. */
function bor(
  series: [number, RecistOverall][],
  confirmation = { required: false, minDays: 28, sdMinDays: 0 },
) {
  const points = series.map(([days, category]) => ({
    date: new Date(Date.UTC(2024, 0, 1 + days)).toISOString().slice(0, 10),
    category,
  }));

  return bestOverallResponse(BASELINE, points, RECIST_VOCABULARY, confirmation);
}

const confirmed = { required: true, minDays: 28, sdMinDays: 42 };

describe('best overall response without confirmation', () => {
  it('takes the best response up to progression', () => {
    expect(bor([[56, 'SD'], [112, 'PR'], [168, 'SD']]).category).toBe('PR');
    expect(bor([[56, 'PR'], [112, 'CR']]).category).toBe('CR');
  });

  it('ignores responses after the first PD', () => {
    // The PR on day 112 comes after PD on day 56; SD has no minimum here but none came first.
    const result = bor([[56, 'PD'], [112, 'PR']]);

    expect(result.category).toBe('PD');
    expect(result.trace[0]).toBe(
      'assessments after the first progression (PD, iCPD or PMD) do not count',
    );
  });

  it('keeps non-CR/non-PD as the label for non-target-only disease', () => {
    expect(bor([[56, 'non-CR/non-PD']]).category).toBe('non-CR/non-PD');
  });

  it('is NE when nothing was evaluable', () => {
    expect(bor([[56, 'NE']]).category).toBe('NE');
  });
});

describe('best overall response with confirmation', () => {
  it('confirms PR by a later PR at least minDays on', () => {
    // Day 56 PR, day 112 PR: 56 days apart >= 28.
    const result = bor([[56, 'PR'], [112, 'PR']], confirmed);

    expect(result.category).toBe('PR');
    expect(result.trace[0]).toBe('PR on 2024-02-26 confirmed by PR on 2024-04-22');
  });

  it('does not confirm when the next response comes too soon, and falls back to SD', () => {
    // Day 56 PR and day 70 PR are 14 days apart (< 28); day 112 PD ends the series.
    const result = bor([[56, 'PR'], [70, 'PR'], [112, 'PD']], confirmed);

    expect(result.category).toBe('SD');
    expect(result.trace).toContain(
      'PR on 2024-02-26 not confirmed by a response 28 or more days later',
    );
  });

  it('lets an NE between response and confirmation pass', () => {
    expect(bor([[56, 'CR'], [84, 'NE'], [112, 'CR']], confirmed).category).toBe('CR');
  });

  it('breaks the confirmation when SD comes between', () => {
    // PR, SD, PR: the first PR is not confirmed; the last has nothing after it.
    expect(bor([[56, 'PR'], [112, 'SD'], [168, 'PR']], confirmed).category).toBe('SD');
  });

  it('turns CR followed by PR into a confirmed PR', () => {
    const result = bor([[56, 'CR'], [112, 'PR']], confirmed);

    expect(result.category).toBe('PR');
    expect(result.trace[0]).toBe(
      'CR on 2024-02-26 confirmed as a PR (the CR itself was not confirmed) by PR on 2024-04-22',
    );
  });

  it('gives PR then PD: SD when SD lasted long enough, PD otherwise', () => {
    // PR on day 56 >= 42-day minimum -> SD; PR on day 35 < 42 -> PD.
    expect(bor([[56, 'PR'], [112, 'PD']], confirmed).category).toBe('SD');
    const early = bor([[35, 'PR'], [84, 'PD']], confirmed);

    expect(early.category).toBe('PD');
    expect(early.trace).toContain(
      'PR on 2024-02-05 is 35 days after baseline, short of the 42-day minimum for SD',
    );
  });
});

describe('SD minimum duration', () => {
  const minimum = { required: false, minDays: 28, sdMinDays: 42 };

  it('counts SD only from sdMinDays after baseline', () => {
    expect(bor([[42, 'SD']], minimum).category).toBe('SD');
    expect(bor([[41, 'SD']], minimum).category).toBe('NE');
  });

  it('gives PD when an early SD is followed by PD, NE when by NE', () => {
    expect(bor([[30, 'SD'], [84, 'PD']], minimum).category).toBe('PD');
    expect(bor([[30, 'SD'], [84, 'NE']], minimum).category).toBe('NE');
  });
});
