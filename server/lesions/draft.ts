/** Tracks as built in memory before they are stored: automatic links, then decisions. */
import type { TrackEventRecord } from '@/db/schema';
import type { ImageVolume } from '@/server/imaging/image';
import type { LesionMeasurement } from '@/server/tracking';

export interface DraftObservation {
  timepointIndex: number;
  /** The lesion seen: a segment mask id or a threshold outline id (MeasuredLesion). */
  lesionId: string;
  confidence: number;
  /** Review reasons: 'low-confidence', 'split', 'merged', 'reappeared', 'unregistered', ... */
  flags: string[];
}

/** A mask carried from the track's previous sighting onto a timepoint without a SEG. */
export interface PropagatedObservation {
  timepointIndex: number;
  /** On a crop of the timepoint's CT grid (same spacing and direction, shifted origin). */
  mask: ImageVolume;
  measurement: LesionMeasurement;
  imageSeriesId: string;
  /** The lesion (segment mask or outline) the chain of propagations started from. */
  fromLesionId: string;
  /** That lesion's segment mask, when it was one. */
  fromSegmentMaskId: string | null;
  flags: string[];
}

export interface DraftTrack {
  observations: DraftObservation[];
  events: TrackEventRecord[];
  /** Set by a reader's 'vanish': the lesion is absent from this timepoint on. */
  vanishedFrom?: number;
  propagated?: PropagatedObservation[];
}

export function sortObservations(track: DraftTrack): void {
  track.observations.sort((a, b) => a.timepointIndex - b.timepointIndex);
}
