import { describe, expect, it } from 'vitest';

import { assessResponse } from '../assess-response';
import { NewLesionTracker } from '../irecist/new-lesion-tracking';
import { at, lesion, newLesion, node } from './build';

type Points = Parameters<typeof at>[];

/** Overall categories of the follow-ups for a series of [date, targets, extra]. */
function run(points: Points) {
  const out = assessResponse({ criteria: 'irecist', timepoints: points.map((p) => at(...p)) });

  return { out, overall: out.timepoints.slice(1).map((t) => t.overall) };
}

const present = { nonTargets: [{ id: 'P', status: 'present' as const }] };

describe('iRECIST confirmation of progression', () => {
  it('confirms by a further >= 5 mm in the target sum', () => {
    // 50 -> 40 (iSD, -20%) -> 50 (+25% and +10 mm over nadir 40: iUPD) -> 55 (+5 over 50).
    const { out, overall } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 40)]],
      ['2024-04-22', [lesion('A', 50)]],
      ['2024-06-17', [lesion('A', 55)]],
    ]);

    expect(overall).toEqual(['iSD', 'iUPD', 'iCPD']);
    expect(out.timepoints[3]?.trace.at(-1)).toBe(
      'overall iCPD: confirms iUPD of 2024-04-22: target sum 55 mm is +5 mm over 50 mm at ' +
        'iUPD (>= 5 mm)',
    );
  });

  it('adds up increases: +4 mm then +2 mm confirms', () => {
    // iUPD at 50 (nadir 40); 54 is +4 (stands, still PD vs nadir); 56 is +6 over 50.
    const { overall } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 40)]],
      ['2024-04-22', [lesion('A', 50)]],
      ['2024-06-17', [lesion('A', 54)]],
      ['2024-08-12', [lesion('A', 56)]],
    ]);

    expect(overall).toEqual(['iSD', 'iUPD', 'iUPD', 'iCPD']);
  });

  it('confirms by a >= 5 mm increase in the new-lesion target sum', () => {
    // New liver lesion X 12 mm (measurable: NLT) -> iUPD; X 17 mm: NLT sum +5 mm.
    const { out, overall } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 50)], { newLesions: [newLesion('X', { diameterMm: 12 })] }],
      ['2024-04-22', [lesion('A', 50)], { newLesions: [newLesion('X', { diameterMm: 17 })] }],
    ]);

    expect(overall).toEqual(['iUPD', 'iCPD']);
    expect(out.timepoints[2]?.trace).toContain('new lesions: NLT X (sum 17 mm), NLNT none');
  });

  it('keeps iUPD while the new lesions neither grow 5 mm nor multiply', () => {
    const { overall } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 50)], { newLesions: [newLesion('X', { diameterMm: 12 })] }],
      ['2024-04-22', [lesion('A', 50)], { newLesions: [newLesion('X', { diameterMm: 16 })] }],
    ]);

    expect(overall).toEqual(['iUPD', 'iUPD']);
  });

  it('confirms by further non-target growth', () => {
    const { out, overall } = run([
      ['2024-01-01', [lesion('A', 50)], present],
      ['2024-02-26', [lesion('A', 50)], { nonTargets: [{ id: 'P', status: 'progression' }] }],
      ['2024-04-22', [lesion('A', 50)], { nonTargets: [{ id: 'P', status: 'progression' }] }],
    ]);

    expect(overall).toEqual(['iUPD', 'iCPD']);
    expect(out.timepoints[2]?.trace.at(-1)).toBe(
      'overall iCPD: confirms iUPD of 2024-02-26: further non-target growth',
    );
  });

  it('keeps a non-target iUPD standing when the non-target merely persists', () => {
    const { overall } = run([
      ['2024-01-01', [lesion('A', 50)], present],
      ['2024-02-26', [lesion('A', 50)], { nonTargets: [{ id: 'P', status: 'progression' }] }],
      ['2024-04-22', [lesion('A', 50)], present],
    ]);

    expect(overall).toEqual(['iUPD', 'iUPD']);
  });

  it('confirms by additional new lesions', () => {
    const { out, overall } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 50)], { newLesions: [newLesion('X')] }],
      ['2024-04-22', [lesion('A', 50)], { newLesions: [newLesion('X'), newLesion('Y')] }],
    ]);

    expect(overall).toEqual(['iUPD', 'iCPD']);
    expect(out.timepoints[2]?.trace.at(-1)).toBe(
      'overall iCPD: confirms iUPD of 2024-02-26: additional new lesion(s) Y',
    );
  });

  it('confirms when targets reach RECIST progression after an iUPD from new lesions', () => {
    // iUPD from new lesion X with targets at 50 (= nadir); then 60: +20% and +10 mm.
    const { overall } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 50)], { newLesions: [newLesion('X')] }],
      ['2024-04-22', [lesion('A', 60)], { newLesions: [newLesion('X')] }],
    ]);

    expect(overall).toEqual(['iUPD', 'iCPD']);
  });
});

describe('iRECIST reset', () => {
  it('resets on iSD and starts a new iUPD at the next progression', () => {
    // 50 -> 62 (+24%, +12 mm: iUPD) -> 48 (-4% vs baseline: iSD, reset; nadir 48)
    // -> 60 (+25%, +12 mm over 48: a new iUPD, not iCPD) -> 66 (+6 over 60: iCPD).
    const { out, overall } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 62)]],
      ['2024-04-22', [lesion('A', 48)]],
      ['2024-06-17', [lesion('A', 60)]],
      ['2024-08-12', [lesion('A', 66)]],
    ]);

    expect(overall).toEqual(['iUPD', 'iSD', 'iUPD', 'iCPD']);
    expect(out.timepoints[2]?.trace.at(-1)).toContain('resets iUPD of 2024-02-26');
    expect(out.timepoints[4]?.trace.at(-1)).toContain('confirms iUPD of 2024-06-17');
  });

  it('measures iPR after a reset against the original baseline', () => {
    // 50 -> 62 (iUPD) -> 35: -30% vs the original baseline of 50 mm is iPR.
    const { overall } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 62)]],
      ['2024-04-22', [lesion('A', 35)]],
    ]);

    expect(overall).toEqual(['iUPD', 'iPR']);
  });

  it('reaches iCR once targets, non-targets and new lesions have all gone', () => {
    const { out, overall } = run([
      ['2024-01-01', [lesion('A', 50)], present],
      ['2024-02-26', [lesion('A', 30)], { ...present, newLesions: [newLesion('X')] }],
      ['2024-04-22', [lesion('A', 0)], { nonTargets: [{ id: 'P', status: 'absent' }] }],
    ]);

    expect(overall).toEqual(['iUPD', 'iCR']);
    expect(out.bestOverallResponse).toBe('iCR');
  });

  it('reports iUPD as best response when it was never confirmed nor bettered', () => {
    const { out } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 62)]],
    ]);

    expect(out.bestOverallResponse).toBe('iUPD');
  });

  it('confirms a response after a reset for the best overall response', () => {
    // 50 -> 62 (iUPD) -> 35 (iPR, -30%) -> 30 (iPR, -40%) 56 days later: confirmed iPR.
    const out = assessResponse({
      criteria: 'irecist',
      confirmation: { required: true, minDays: 28, sdMinDays: 42 },
      timepoints: [
        at('2024-01-01', [lesion('A', 50)]),
        at('2024-02-26', [lesion('A', 62)]),
        at('2024-04-22', [lesion('A', 35)]),
        at('2024-06-17', [lesion('A', 30)]),
      ],
    });

    expect(out.bestOverallResponse).toBe('iPR');
    expect(out.bestOverallTrace[0]).toBe('iPR on 2024-04-22 confirmed by iPR on 2024-06-17');
  });

  it('reports iCPD when confirmed progression is all there is', () => {
    const { out } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 62)]],
      ['2024-04-22', [lesion('A', 70)]],
    ]);

    expect(out.bestOverallResponse).toBe('iCPD');
  });
});

describe('iRECIST new-lesion categories', () => {
  it('picks up to 5 NLT, 2 per organ, largest first; the rest are NLNT', () => {
    const tracker = new NewLesionTracker();
    const first = tracker.observe([
      newLesion('L1', { organ: 'liver', diameterMm: 30 }),
      newLesion('L2', { organ: 'liver', diameterMm: 25 }),
      newLesion('L3', { organ: 'liver', diameterMm: 20 }),
      newLesion('N1', { organ: 'neck', node: true, diameterMm: 30, shortAxisMm: 16 }),
      newLesion('N2', { organ: 'groin', node: true, diameterMm: 20, shortAxisMm: 12 }),
      newLesion('S1', { organ: 'lung', diameterMm: 8 }),
      newLesion('B1', { organ: 'bone', diameterMm: undefined }),
    ]);

    // L3 is a third liver lesion, N2 a 12 mm node (10 to < 15), S1 under 10 mm, B1 unmeasured.
    expect(first.nltIds).toEqual(['L1', 'L2', 'N1']);
    expect(first.nlntIds).toEqual(['L3', 'N2', 'S1', 'B1']);
    // 30 + 25 + 16 (node short axis) = 71 mm.
    expect(first.nltSumMm).toBe(71);
  });

  it('keeps a lesion in its category and fills free NLT places later', () => {
    const tracker = new NewLesionTracker();
    tracker.observe([newLesion('S1', { organ: 'lung', diameterMm: 8 })]);
    const later = tracker.observe([
      newLesion('S1', { organ: 'lung', diameterMm: 14 }),
      newLesion('K1', { organ: 'kidney', diameterMm: 11 }),
    ]);

    expect(later.nlntIds).toEqual(['S1']);
    expect(later.nltIds).toEqual(['K1']);
  });

  it('keeps new lesions out of the target sum', () => {
    const { out } = run([
      ['2024-01-01', [lesion('A', 50)]],
      ['2024-02-26', [lesion('A', 50)], { newLesions: [newLesion('X', { diameterMm: 20 })] }],
    ]);

    expect(out.timepoints[1]?.sumMm).toBe(50);
  });

  it('does not count a new node under 10 mm', () => {
    const { overall } = run([
      ['2024-01-01', [lesion('A', 50)]],
      [
        '2024-02-26',
        [lesion('A', 50)],
        { newLesions: [newLesion('N', { node: true, shortAxisMm: 8 })] },
      ],
    ]);

    expect(overall).toEqual(['iSD']);
  });

  it('uses node short axes in the target sum', () => {
    const { out } = run([['2024-01-01', [node('N', 20), lesion('A', 30)]]]);

    expect(out.timepoints[0]?.sumMm).toBe(50);
  });
});
