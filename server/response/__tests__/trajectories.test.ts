import { describe, expect, it } from 'vitest';

import { assessResponse } from '../assess-response';
import { classifyRecistLesion } from '../trajectories';
import { at, lesion, recist } from './build';

describe('per-lesion trajectories', () => {
  it('classes each lesion against its own baseline and nadir', () => {
    // A: 20 -> 10 -> 16 mm: +60% and +6 mm over its nadir of 10: progressing.
    // B: 30 -> 15 -> 15 mm: -50% vs its baseline: responding.
    // The sum 50 -> 25 -> 31 mm is +24% and +6 mm over 25: overall PD, and mixed.
    const out = assessResponse(
      recist([
        at('2024-01-01', [lesion('A', 20), lesion('B', 30, 'lung')]),
        at('2024-02-26', [lesion('A', 10), lesion('B', 15, 'lung')]),
        at('2024-04-22', [lesion('A', 16), lesion('B', 15, 'lung')]),
      ]),
    );
    const [a, b] = out.lesions ?? [];

    expect(a?.points[2]).toEqual({
      date: '2024-04-22',
      value: 16,
      changeFromBaselinePct: -20,
      changeFromNadirPct: 60,
      status: 'progressing',
    });
    expect(b?.points[2]?.status).toBe('responding');
    expect(out.timepoints[2]?.overall).toBe('PD');
    expect(out.timepoints[2]?.mixedResponse).toBe(true);
    expect(out.timepoints[1]?.mixedResponse).toBe(false);
    expect(out.timepoints[2]?.trace).toContain('mixed response: A progressing while B responding');
    expect(out.mixedResponse).toBe(true);
  });

  it('needs the 5 mm rule per lesion too', () => {
    // 8 -> 10 mm is +25% but only +2 mm: stable.
    expect(classifyRecistLesion(10, 12, 8)).toBe('stable');
    expect(classifyRecistLesion(13, 12, 8)).toBe('progressing');
    expect(classifyRecistLesion(8.4, 12, 8)).toBe('responding');
  });

  it('marks a lesion that was not evaluated', () => {
    const out = assessResponse(
      recist([
        at('2024-01-01', [lesion('A', 20), lesion('B', 30, 'lung')]),
        at('2024-02-26', [lesion('A', 10)]),
      ]),
    );

    expect(out.lesions?.[1]?.points[1]).toEqual({
      date: '2024-02-26',
      value: undefined,
      status: 'not evaluated',
    });
    expect(out.mixedResponse).toBe(false);
  });
});
