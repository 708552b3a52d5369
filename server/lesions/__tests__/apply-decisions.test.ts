import { describe, expect, it } from 'vitest';

import { applyDecisions } from '../apply-decisions';
import type { DraftTrack } from '../draft';

const obs = (timepointIndex: number, lesionId: string) => ({
  timepointIndex,
  lesionId,
  confidence: 0.4,
  flags: ['low-confidence'],
});

/** Two lesions a and b over three timepoints, the matcher having swapped them at t1. */
function swapped(): DraftTrack[] {
  return [
    { events: [], observations: [obs(0, 'a0'), obs(1, 'b1'), obs(2, 'a2')] },
    { events: [], observations: [obs(0, 'b0'), obs(1, 'a1'), obs(2, 'b2')] },
  ];
}

const masksOf = (tracks: DraftTrack[]) =>
  tracks.map((t) => t.observations.map((o) => o.lesionId));

describe('applyDecisions', () => {
  it('relinks a mask to the track of its partner, swapping the one it displaces', () => {
    const out = applyDecisions(swapped(), [
      { kind: 'relink', lesionId: 'a1', withLesionId: 'a0' },
    ]);

    expect(masksOf(out)).toEqual([
      ['a0', 'a1', 'a2'],
      ['b0', 'b1', 'b2'],
    ]);
    expect(out[0]!.observations[1]).toEqual({
      timepointIndex: 1,
      lesionId: 'a1',
      confidence: 1,
      flags: ['manual'],
    });
  });

  it('splits a track at a mask marked new, taking the later masks along', () => {
    const out = applyDecisions(swapped(), [
      { kind: 'mark-new', lesionId: 'b1', withLesionId: null },
    ]);

    expect(masksOf(out)).toEqual([['a0'], ['b0', 'a1', 'b2'], ['b1', 'a2']]);
    expect(out[2]!.events).toEqual([{ kind: 'new', timepointIndex: 1 }]);
  });

  it('confirms in place and skips decisions about masks that are gone', () => {
    const out = applyDecisions(swapped(), [
      { kind: 'confirm', lesionId: 'a2', withLesionId: 'b1' },
      { kind: 'relink', lesionId: 'gone', withLesionId: 'a0' },
    ]);

    expect(masksOf(out)).toEqual(masksOf(swapped()));
    expect(out[0]!.observations[2]!.flags).toEqual(['confirmed']);
  });
});
