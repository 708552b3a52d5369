import { describe, expect, it } from 'vitest';

import { applyDecisions } from '../apply-decisions';
import type { DraftTrack } from '../draft';

const obs = (timepointIndex: number, lesionId: string) => ({
  timepointIndex,
  lesionId,
  confidence: 0.4,
  flags: [] as string[],
});

const masksOf = (tracks: DraftTrack[]) =>
  tracks.map((t) => t.observations.map((o) => o.lesionId));

describe('review actions replayed with decisions', () => {
  it('split keeps a shared mask with the chosen lesion, leaving the other absent there', () => {
    // Lesion b merged into a's mask m1 at t1 by the matcher; the reader gives m1 to b.
    const tracks: DraftTrack[] = [
      { events: [], observations: [obs(0, 'a0'), obs(1, 'm1'), obs(2, 'a2')] },
      { events: [], observations: [obs(0, 'b0')] },
    ];
    const out = applyDecisions(tracks, [
      { kind: 'split', lesionId: 'm1', withLesionId: 'b0' },
    ]);

    expect(masksOf(out)).toEqual([
      ['a0', 'a2'],
      ['b0', 'm1'],
    ]);
    expect(out[1]!.observations[1]!.flags).toEqual(['manual']);
  });

  it('split puts a mask the keeper already had at that timepoint on a track of its own', () => {
    const tracks: DraftTrack[] = [
      { events: [], observations: [obs(0, 'a0'), obs(1, 'm1')] },
      { events: [], observations: [obs(0, 'b0'), obs(1, 'b1')] },
    ];
    const out = applyDecisions(tracks, [
      { kind: 'split', lesionId: 'm1', withLesionId: 'b0' },
    ]);

    expect(masksOf(out)).toEqual([['a0'], ['b0', 'm1'], ['b1']]);
    expect(out[2]!.observations[0]!.flags).toEqual(['split']);
  });

  it('merge joins two tracks, keeping both masks of a shared timepoint apart', () => {
    const tracks: DraftTrack[] = [
      { events: [], observations: [obs(0, 'a0'), obs(1, 'a1')] },
      { events: [], observations: [obs(1, 'c1'), obs(2, 'c2'), obs(3, 'c3')] },
    ];
    const out = applyDecisions(tracks, [
      { kind: 'merge', lesionId: 'a0', withLesionId: 'c2' },
    ]);

    expect(masksOf(out)).toEqual([['a0', 'a1', 'c2', 'c3'], ['c1']]);
    expect(out[0]!.events).toEqual([{ kind: 'merged', timepointIndex: 2 }]);
    expect(out[1]!.observations[0]!.flags).toEqual(['several-parts']);
  });

  it('vanish ends the lesion at a timepoint and sends later masks off as a new lesion', () => {
    const tracks: DraftTrack[] = [
      { events: [], observations: [obs(0, 'a0'), obs(1, 'a1'), obs(3, 'x3'), obs(4, 'x4')] },
    ];
    const out = applyDecisions(tracks, [
      { kind: 'vanish', lesionId: 'a1', withLesionId: null, timepointIndex: 2 },
    ]);

    expect(masksOf(out)).toEqual([
      ['a0', 'a1'],
      ['x3', 'x4'],
    ]);
    expect(out[0]!.vanishedFrom).toBe(2);
    expect(out[0]!.events).toEqual([{ kind: 'vanished', timepointIndex: 2 }]);
    expect(out[1]!.events).toEqual([{ kind: 'new', timepointIndex: 2 }]);
  });

  it('replays in order: a relink after a vanish moves a later mask back', () => {
    const tracks: DraftTrack[] = [
      { events: [], observations: [obs(0, 'a0'), obs(1, 'x1'), obs(2, 'a2')] },
    ];
    const out = applyDecisions(tracks, [
      { kind: 'vanish', lesionId: 'a0', withLesionId: null, timepointIndex: 1 },
      { kind: 'relink', lesionId: 'a2', withLesionId: 'a0' },
    ]);

    expect(masksOf(out)).toEqual([['a0', 'a2'], ['x1']]);
  });
});
