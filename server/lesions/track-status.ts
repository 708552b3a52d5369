/**
 * The one-word status of a track in the lesion table, as of the patient's last scan.
 *
 * A mask carried onto a scan without a segmentation (propagated) counts as a sighting:
 * a lesion proposed there is still being followed, and calling it vanished would
 * contradict the cell beside it. A track closed by a merge before the last scan is
 * 'merged', one not seen on the last scan otherwise 'vanished', one first seen after
 * baseline 'new'.
 */
import type { TrackStatus } from '@/db/schema';

import type { DraftTrack } from './draft';

export function trackStatus(
  track: DraftTrack, timepointCount: number, baselineIndex: number,
): TrackStatus {
  const lastIndex = timepointCount - 1;
  const seen = [...track.observations, ...track.propagated ?? []]
    .map((o) => o.timepointIndex);
  const lastSeen = Math.max(...seen);
  if (lastSeen < lastIndex) {
    return track.events.some((e) => e.kind === 'merged') ? 'merged' : 'vanished';
  }

  return Math.min(...seen) > baselineIndex ? 'new' : 'active';
}
