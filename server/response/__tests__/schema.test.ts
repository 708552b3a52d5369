import { describe, expect, it } from 'vitest';

import { isAppError } from '@/server/lib/errors';

import { assessResponse } from '../assess-response';
import { parseResponseInput } from '../schema/parse';
import { responseOutputSchema } from '../schema/output';
import { at, lesion, recist } from './build';

function messageFor(raw: unknown): string {
  try {
    parseResponseInput(raw);
  } catch (err) {
    if (isAppError(err) && err.code === 'BAD_INPUT') return err.userMessage;
    throw err;
  }
  throw new Error('expected the input to be rejected');
}

const ok = [at('2024-01-01', [lesion('A', 30)])];

describe('response input validation', () => {
  it('names the field of a wrong type', () => {
    const raw = recist([...ok, ok[0]!, ok[0]!]) as unknown as { timepoints: unknown[] };
    raw.timepoints[2] = {
      date: '2024-03-01',
      targets: [{ id: 'A', organ: 'liver', node: false, diameterMm: 'x' }],
    };

    expect(messageFor(raw)).toBe(
      'The response input has problems:\ntimepoints[2].targets[0].diameterMm: expected a number',
    );
  });

  it('tells a missing field from a wrong one', () => {
    const targets = [{ id: 'A', node: false }];
    const raw = { criteria: 'recist1.1', timepoints: [{ date: '2024-01-01', targets }] };

    expect(messageFor(raw)).toContain('timepoints[0].targets[0].organ: missing; expected a string');
  });

  it('lists the allowed criteria', () => {
    expect(messageFor({ criteria: 'recist', timepoints: [] })).toContain(
      'criteria: expected one of "recist1.1", "irecist", "percist1.0"',
    );
  });

  it('reports misspelt fields', () => {
    const point = { date: '2024-01-01', targets: [], tagets: [] };
    const raw = { criteria: 'recist1.1', timepoints: [point] };

    expect(messageFor(raw)).toContain(
      'timepoints[0]: unknown field(s) "tagets"; check the spelling',
    );
  });

  it('rejects dates out of order and malformed dates', () => {
    const backwards = recist([ok[0]!, at('2023-12-01', [lesion('A', 30)])]);
    const malformed = recist([at('01/02/2024', [lesion('A', 30)])]);

    expect(messageFor(backwards)).toContain(
      'timepoints[1].date: 2023-12-01 is not after the previous assessment (2024-01-01); ' +
        'list timepoints oldest first',
    );
    expect(messageFor(malformed)).toContain('timepoints[0].date: expected a date like 2024-03-01');
  });

  it('needs a diameter at follow-up unless tooSmall or notEvaluated', () => {
    const raw = recist([...ok, at('2024-02-26', [{ id: 'A', organ: 'liver', node: false }])]);

    expect(messageFor(raw)).toContain(
      'timepoints[1].targets[0].diameterMm: expected a number (or set tooSmall or notEvaluated)',
    );
  });

  it('refuses a follow-up target that was not a baseline target', () => {
    const raw = recist([...ok, at('2024-02-26', [lesion('Z', 30)])]);

    expect(messageFor(raw)).toContain(
      'timepoints[1].targets[0].id: "Z" is not a baseline target; ' +
        'list new lesions under newLesions',
    );
  });

  it('refuses negative diameters', () => {
    const raw = recist([...ok, at('2024-02-26', [lesion('A', -1)])]);

    expect(messageFor(raw)).toContain('timepoints[1].targets[0].diameterMm: must be at least 0');
  });

  it('asks for the short axis of a new node', () => {
    const raw = recist([
      ...ok,
      at('2024-02-26', [lesion('A', 30)], {
        newLesions: [{ id: 'N', organ: 'neck', node: true, unequivocal: true }],
      }),
    ]);

    expect(messageFor(raw)).toContain(
      'timepoints[1].newLesions[0].shortAxisMm: a new lymph node needs its short axis',
    );
  });

  it('checks PERCIST non-targets field by field', () => {
    const liver = { sulMean: 2, sulSd: 0.3 };
    const lesions = [
      { id: 'A', sulPeak: 5 },
      { id: 'B', sulPeak: 4 },
    ];
    const raw = {
      criteria: 'percist1.0',
      timepoints: [
        { date: '2024-01-01', liver, lesions, nonTargets: [{ id: 'A', status: 'absent' }] },
        { date: '2024-02-26', liver, lesions, nonTargets: [{ id: 'C', status: 'gone' }] },
        { date: '2024-04-26', liver, lesions, nonTargets: [{ id: 'Z', status: 'present' }] },
      ],
    };
    const message = messageFor(raw);

    expect(message).toContain(
      'timepoints[1].nonTargets[0].status: expected one of "present", "absent", "progression"',
    );
    // Shape errors stop the cross-field rules; fix the status and they run.
    raw.timepoints[1]!.nonTargets[0]!.status = 'present';
    const rules = messageFor(raw);

    expect(rules).toContain(
      'timepoints[0].nonTargets[0].id: "A" is the hottest baseline lesion, PERCIST\'s target',
    );
    expect(rules).toContain(
      'timepoints[0].nonTargets[0].status: a baseline non-target must be "present"',
    );
    expect(rules).toContain(
      'timepoints[2].nonTargets[0].id: "Z" is not a baseline non-target; ' +
        'list new lesions under newLesions',
    );
  });

  it('produces output that satisfies the output schema', () => {
    const out = assessResponse(recist([...ok, at('2024-02-26', [lesion('A', 20)])]));

    expect(responseOutputSchema.safeParse(out).success).toBe(true);
  });
});
