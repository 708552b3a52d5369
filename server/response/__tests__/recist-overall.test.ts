import { describe, expect, it } from 'vitest';

import { assessResponse } from '../assess-response';
import { combineOverall } from '../recist/overall-table';
import { at, lesion, newLesion, node, recist } from './build';

const baseline = at('2024-01-01', [lesion('A', 40)], {
  nonTargets: [{ id: 'P', status: 'present' }],
});

function only(point: ReturnType<typeof at>) {
  return assessResponse(recist([baseline, point])).timepoints[1];
}

describe('RECIST 1.1 non-target response', () => {
  it('is CR when every non-target has gone', () => {
    const now = only(
      at('2024-02-26', [lesion('A', 0)], { nonTargets: [{ id: 'P', status: 'absent' }] }),
    );

    expect(now?.nonTarget).toBe('CR');
    expect(now?.overall).toBe('CR');
  });

  it('is non-CR/non-PD while one persists, which turns a target CR into PR', () => {
    const now = only(
      at('2024-02-26', [lesion('A', 0)], { nonTargets: [{ id: 'P', status: 'present' }] }),
    );

    expect(now?.nonTarget).toBe('non-CR/non-PD');
    expect(now?.overall).toBe('PR');
  });

  it('is PD on unequivocal progression, whatever the targets do', () => {
    // Targets 40 -> 20 mm (-50%, PR) but the non-target progressed: overall PD.
    const now = only(
      at('2024-02-26', [lesion('A', 20)], { nonTargets: [{ id: 'P', status: 'progression' }] }),
    );

    expect(now?.target).toBe('PR');
    expect(now?.nonTarget).toBe('PD');
    expect(now?.overall).toBe('PD');
  });

  it('is NE when a non-target was not assessed; a target CR then gives PR', () => {
    const now = only(at('2024-02-26', [lesion('A', 0)], { nonTargets: [] }));

    expect(now?.nonTarget).toBe('NE');
    expect(now?.overall).toBe('PR');
  });
});

describe('RECIST 1.1 new lesions', () => {
  it('makes PD on an unequivocal new lesion even while targets respond', () => {
    const now = only(
      at('2024-02-26', [lesion('A', 20)], {
        nonTargets: [{ id: 'P', status: 'present' }],
        newLesions: [newLesion('X')],
      }),
    );

    expect(now?.newLesions).toBe('unequivocal');
    expect(now?.overall).toBe('PD');
  });

  it('does not make PD on an equivocal new lesion', () => {
    const now = only(
      at('2024-02-26', [lesion('A', 20)], {
        nonTargets: [{ id: 'P', status: 'present' }],
        newLesions: [newLesion('X', { unequivocal: false })],
      }),
    );

    expect(now?.newLesions).toBe('equivocal');
    expect(now?.overall).toBe('PR');
  });

  it('dates PD back to the scan where a confirmed lesion was first equivocal', () => {
    const out = assessResponse(
      recist([
        baseline,
        at('2024-02-26', [lesion('A', 30)], {
          nonTargets: [{ id: 'P', status: 'present' }],
          newLesions: [newLesion('X', { unequivocal: false })],
        }),
        at('2024-04-22', [lesion('A', 30)], {
          nonTargets: [{ id: 'P', status: 'present' }],
          newLesions: [newLesion('X')],
        }),
      ]),
    );

    expect(out.timepoints[2]?.overall).toBe('PD');
    expect(out.timepoints[2]?.trace).toContain(
      'new lesion X, equivocal on 2024-02-26, is confirmed: PD dates from 2024-02-26',
    );
  });

  it('counts a new node only from 10 mm short axis', () => {
    const nine = only(
      at('2024-02-26', [lesion('A', 30)], {
        nonTargets: [{ id: 'P', status: 'present' }],
        newLesions: [newLesion('N9', { node: true, diameterMm: 20, shortAxisMm: 9 })],
      }),
    );
    const ten = only(
      at('2024-02-26', [lesion('A', 30)], {
        nonTargets: [{ id: 'P', status: 'present' }],
        newLesions: [newLesion('N10', { node: true, diameterMm: 20, shortAxisMm: 10 })],
      }),
    );

    expect(nine?.overall).toBe('SD');
    expect(nine?.trace).toContain('new node N9: short axis 9 mm < 10 mm is normal, not counted');
    expect(ten?.overall).toBe('PD');
  });
});

describe('RECIST 1.1 overall response table', () => {
  const cases = [
    // Table 1: targets x non-targets x new lesions.
    [{ target: 'CR', nonTarget: 'CR', newLesions: 'none' }, 'CR'],
    [{ target: 'CR', newLesions: 'none' }, 'CR'],
    [{ target: 'CR', nonTarget: 'non-CR/non-PD', newLesions: 'none' }, 'PR'],
    [{ target: 'CR', nonTarget: 'NE', newLesions: 'none' }, 'PR'],
    [{ target: 'PR', nonTarget: 'NE', newLesions: 'none' }, 'PR'],
    [{ target: 'SD', nonTarget: 'NE', newLesions: 'none' }, 'SD'],
    [{ target: 'NE', nonTarget: 'non-CR/non-PD', newLesions: 'none' }, 'NE'],
    [{ target: 'NE', nonTarget: 'PD', newLesions: 'none' }, 'PD'],
    [{ target: 'PD', nonTarget: 'NE', newLesions: 'none' }, 'PD'],
    [{ target: 'CR', nonTarget: 'CR', newLesions: 'unequivocal' }, 'PD'],
    [{ target: 'CR', nonTarget: 'CR', newLesions: 'equivocal' }, 'CR'],
    // Table 2: non-targets only.
    [{ nonTarget: 'CR', newLesions: 'none' }, 'CR'],
    [{ nonTarget: 'non-CR/non-PD', newLesions: 'none' }, 'non-CR/non-PD'],
    [{ nonTarget: 'NE', newLesions: 'none' }, 'NE'],
    [{ nonTarget: 'non-CR/non-PD', newLesions: 'unequivocal' }, 'PD'],
  ] as const;

  it.each(cases)('%o -> %s', (inputs, expected) => {
    expect(combineOverall(inputs).category).toBe(expected);
  });

  it('handles a patient with non-target disease only', () => {
    const out = assessResponse(
      recist([
        at('2024-01-01', [], { nonTargets: [{ id: 'P', status: 'present' }] }),
        at('2024-02-26', [], { nonTargets: [{ id: 'P', status: 'present' }] }),
      ]),
    );

    expect(out.timepoints[1]?.target).toBeUndefined();
    expect(out.timepoints[1]?.overall).toBe('non-CR/non-PD');
  });

  it('warns about baseline targets that break the selection rules', () => {
    const out = assessResponse(
      recist([at('2024-01-01', [lesion('A', 8), lesion('B', 20), lesion('C', 30), node('N', 12)])]),
    );

    expect(out.warnings).toEqual([
      '2024-01-01: target A is not measurable (longest diameter 8 mm < 10 mm (10 mm)); ' +
        'use a non-target',
      '2024-01-01: target N is not measurable (short axis 12 mm is 10 to < 15 mm: ' +
        'pathological but non-target); use a non-target',
      '2024-01-01: 3 targets in liver; RECIST 1.1 allows at most 2 per organ',
    ]);
  });
});
