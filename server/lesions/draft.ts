/** Tracks as built in memory before they are stored: automatic links, then decisions. */
import type { TrackEventRecord } from '@/db/schema';

export interface DraftObservation {
  timepointIndex: number;
  segmentMaskId: string;
  confidence: number;
  /** Review reasons: 'low-confidence', 'split', 'merged', 'reappeared', 'unregistered', ... */
  flags: string[];
}

export interface DraftTrack {
  observations: DraftObservation[];
  events: TrackEventRecord[];
}

export function sortObservations(track: DraftTrack): void {
  track.observations.sort((a, b) => a.timepointIndex - b.timepointIndex);
}
