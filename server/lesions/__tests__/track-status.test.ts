import { describe, expect, it } from 'vitest';

import type { DraftTrack, PropagatedObservation } from '../draft';
import { trackStatus } from '../track-status';

const seenAt = (...timepoints: number[]) => timepoints.map((timepointIndex) => ({
  timepointIndex, lesionId: `m${timepointIndex}`, confidence: 0.9, flags: [],
}));

// Only the timepoint of a carried mask decides the status; the mask itself is not read.
const carriedTo = (timepointIndex: number) => ({ timepointIndex }) as PropagatedObservation;

describe('trackStatus over four timepoints, baseline first', () => {
  it('calls a lesion seen from baseline to the last scan active', () => {
    expect(trackStatus({ events: [], observations: seenAt(0, 1, 2, 3) }, 4, 0)).toBe('active');
  });

  it('calls a lesion missing from the last scan vanished', () => {
    expect(trackStatus({ events: [], observations: seenAt(0, 1) }, 4, 0)).toBe('vanished');
  });

  it('counts a mask carried onto an unsegmented last scan as seen there', () => {
    const track: DraftTrack = {
      events: [], observations: seenAt(0, 1, 2), propagated: [carriedTo(3)],
    };

    expect(trackStatus(track, 4, 0)).toBe('active');
    expect(trackStatus({ ...track, propagated: [] }, 4, 0)).toBe('vanished');
  });

  it('calls a lesion first seen after baseline new, carried or not', () => {
    expect(trackStatus({ events: [], observations: seenAt(2, 3) }, 4, 0)).toBe('new');
    expect(trackStatus({
      events: [], observations: seenAt(2), propagated: [carriedTo(3)],
    }, 4, 0)).toBe('new');
  });

  it('calls a track closed by a merge merged, unless it is seen on the last scan', () => {
    const events = [{ kind: 'merged' as const, timepointIndex: 2 }];

    expect(trackStatus({ events, observations: seenAt(0, 1) }, 4, 0)).toBe('merged');
    expect(trackStatus({ events, observations: seenAt(0, 1, 2, 3) }, 4, 0)).toBe('active');
  });

  it('measures "new" from the chosen baseline, not from the first scan', () => {
    expect(trackStatus({ events: [], observations: seenAt(1, 2, 3) }, 4, 1)).toBe('active');
  });
});
