import { describe, expect, it } from 'vitest';

import { assessResponse } from '../assess-response';
import { at, lesion, node, recist } from './build';

/** Assess and return the follow-ups only (the baseline has no response). */
function followUps(input: Parameters<typeof assessResponse>[0]) {
  return assessResponse(input).timepoints.slice(1);
}

describe('RECIST 1.1 target response', () => {
  it('sums longest diameters and node short axes', () => {
    // 30 mm liver + 18 mm node short axis = 48 mm.
    const out = assessResponse(recist([at('2024-01-01', [lesion('A', 30), node('N', 18)])]));

    expect(out.timepoints[0]?.sumMm).toBe(48);
    expect(out.timepoints[0]?.overall).toBeNull();
  });

  it('calls PR at -30% against baseline even when the sum has risen from the nadir', () => {
    // Baseline 100, nadir 60 (-40%), now 70: -30% vs baseline is PR; +16.7% vs nadir
    // would wrongly read as no response if PR were judged against the nadir.
    const [, now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 60), lesion('B', 40, 'lung')]),
        at('2024-02-26', [lesion('A', 36), lesion('B', 24, 'lung')]),
        at('2024-04-22', [lesion('A', 42), lesion('B', 28, 'lung')]),
      ]),
    );

    expect(now?.target).toBe('PR');
    expect(now?.changeFromBaselinePct).toBe(-30);
    expect(now?.changeFromNadirPct).toBe(16.7);
    expect(now?.trace).toContain(
      'PR: sum 70 mm is -30% vs baseline 100 mm; it has risen from the nadir of 60 mm, ' +
        'but PR is measured against baseline',
    );
  });

  it('stays SD at -29% against baseline', () => {
    // 100 -> 71 mm is -29%.
    const [now] = followUps(
      recist([at('2024-01-01', [lesion('A', 100)]), at('2024-02-26', [lesion('A', 71)])]),
    );

    expect(now?.target).toBe('SD');
  });

  it('calls PD at +20% over the nadir with at least 5 mm absolute', () => {
    // Nadir 48 mm, now 58 mm: +20.8% and +10 mm.
    const [, now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 60)]),
        at('2024-02-26', [lesion('A', 48)]),
        at('2024-04-22', [lesion('A', 58)]),
      ]),
    );

    expect(now?.target).toBe('PD');
    expect(now?.trace).toContain('PD: sum 58 mm is +20.8% vs nadir 48 mm and +10 mm absolute');
  });

  it('does not call PD on +20% when the absolute increase is under 5 mm', () => {
    // Nadir 10 mm, now 12 mm: +20% but only +2 mm.
    const [, now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 20)]),
        at('2024-02-26', [lesion('A', 10)]),
        at('2024-04-22', [lesion('A', 12)]),
      ]),
    );

    expect(now?.target).toBe('PR');
    expect(now?.trace[0]).toBe(
      'not PD: sum 12 mm is +20% vs nadir 10 mm and +2 mm absolute; PD also needs >= 5 mm absolute',
    );
  });

  it('calls PD rather than keeping a previous PR once PD is met', () => {
    // Baseline 100, nadir 40 (PR), now 50: still -50% vs baseline but +25% and +10 mm
    // over the nadir, so PD.
    const [first, now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 100)]),
        at('2024-02-26', [lesion('A', 40)]),
        at('2024-04-22', [lesion('A', 50)]),
      ]),
    );

    expect(first?.overall).toBe('PR');
    expect(now?.changeFromBaselinePct).toBe(-50);
    expect(now?.target).toBe('PD');
    expect(now?.overall).toBe('PD');
  });

  it('gives CR when nodes are under 10 mm short axis though the sum is not zero', () => {
    // Liver lesion gone (0 mm), node 18 -> 8 mm: sum 8 mm, CR all the same.
    const [now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 30), node('N', 18)]),
        at('2024-02-26', [lesion('A', 0), node('N', 8)]),
      ]),
    );

    expect(now?.sumMm).toBe(8);
    expect(now?.target).toBe('CR');
    expect(now?.overall).toBe('CR');
  });

  it('withholds CR while a node is still 10 mm or more', () => {
    // Node 18 -> 10 mm: sum 10 of 48 is -79.2%: PR, not CR.
    const [now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 30), node('N', 18)]),
        at('2024-02-26', [lesion('A', 0), node('N', 10)]),
      ]),
    );

    expect(now?.target).toBe('PR');
  });

  it('counts a too-small lesion as 5 mm, not 0 mm, so it is not CR', () => {
    // A too small (5 mm) + B gone (0 mm) = 5 mm; counting 0 would have made CR.
    const [now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 30), lesion('B', 20, 'lung')]),
        at('2024-02-26', [
          { id: 'A', organ: 'liver', node: false, tooSmall: true },
          lesion('B', 0, 'lung'),
        ]),
      ]),
    );

    expect(now?.sumMm).toBe(5);
    expect(now?.target).toBe('PR');
    expect(now?.trace[0]).toBe('A is too small to measure and counts 5 mm, not 0 mm');
  });

  it('counts 5 mm for a diameter given alongside tooSmall, and says what was measured', () => {
    const tiny = { id: 'A', organ: 'liver', node: false, diameterMm: 3.14, tooSmall: true };
    const baseline = at('2024-01-01', [lesion('A', 30)]);
    const [now] = followUps(recist([baseline, at('2024-02-26', [tiny])]));

    expect(now?.sumMm).toBe(5);
    expect(now?.trace[0]).toBe('A measured 3.1 mm: too small to measure, counted as 5 mm');
  });

  it('is NE when a target was not evaluated and the others do not prove PD', () => {
    // B not evaluated; A alone 25 mm vs nadir 50 mm proves nothing.
    const [now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 30), lesion('B', 20, 'lung')]),
        at('2024-02-26', [
          lesion('A', 25),
          { id: 'B', organ: 'lung', node: false, notEvaluated: true },
        ]),
      ]),
    );

    expect(now?.target).toBe('NE');
    expect(now?.overall).toBe('NE');
    expect(now?.trace[0]).toBe(
      'NE: B not evaluated, and the evaluated targets (sum 25 mm) do not prove progression ' +
        'on their own',
    );
  });

  it('is PD when the evaluated targets alone already prove progression', () => {
    // Baseline 50 mm over three lesions; C missing; A + B = 80 mm: +60% and +30 mm.
    const [now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 20), lesion('B', 20, 'lung'), lesion('C', 10, 'bone')]),
        at('2024-02-26', [lesion('A', 45), lesion('B', 35, 'lung')]),
      ]),
    );

    expect(now?.target).toBe('PD');
    expect(now?.overall).toBe('PD');
    expect(now?.trace[0]).toBe(
      'PD: the evaluated targets alone sum 80 mm is +60% vs nadir 50 mm and +30 mm absolute; ' +
        'C (not evaluated) could only add to it',
    );
  });

  it('does not let a partial sum become the nadir', () => {
    // Timepoint 2 has only A evaluated (10 mm). If it became the nadir, 40 mm at timepoint
    // 3 would be PD; against the true nadir of 40 mm (baseline) it is SD.
    const [, now] = followUps(
      recist([
        at('2024-01-01', [lesion('A', 20), lesion('B', 20, 'lung')]),
        at('2024-02-26', [lesion('A', 10)]),
        at('2024-04-22', [lesion('A', 20), lesion('B', 20, 'lung')]),
      ]),
    );

    expect(now?.nadirMm).toBe(40);
    expect(now?.target).toBe('SD');
  });
});
