/**
 * Who each stored mask is: the tracked lesion it belongs to (lesion_observations) or,
 * before tracking, the SEG segment itself. A mask tracking made always has its track.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { lesionObservations, lesionTracks, timepoints } from '@/db/schema';

export interface LesionIdentity {
  /**
   * The track id when tracked; else 'segment:<label>', which groups an untracked segment's
   * points under one name without claiming they are one lesion (no line joins them).
   */
  key: string;
  label: string;
  tracked: boolean;
}

export interface TrackPresence {
  trackId: string;
  label: string;
  timepointId: string;
  date: string;
  present: boolean;
  observationId: string;
  segmentMaskId: string | null;
}

export async function readTrackPresence(db: Db, patientRowId: string) {
  const rows: TrackPresence[] = await db
    .select({
      trackId: lesionTracks.id, label: lesionTracks.label, timepointId: timepoints.id,
      date: timepoints.date, present: lesionObservations.present,
      observationId: lesionObservations.id, segmentMaskId: lesionObservations.segmentMaskId,
    })
    .from(lesionObservations)
    .innerJoin(lesionTracks, eq(lesionTracks.id, lesionObservations.trackId))
    .innerJoin(timepoints, eq(timepoints.id, lesionObservations.timepointId))
    .where(eq(lesionTracks.patientId, patientRowId));

  return rows;
}

/**
 * Mask -> identity; a SEG mask no track claims is shown under its segment label. A value
 * whose observation is gone (re-tracked since) would have been deleted with it.
 */
export function identify(
  presence: TrackPresence[],
  mask: { segmentMaskId: string | null; observationId: string | null; label: string | null },
): LesionIdentity {
  const seen = presence.find((p) => mask.segmentMaskId
    ? p.segmentMaskId === mask.segmentMaskId
    : p.observationId === mask.observationId);
  const label = mask.label ?? 'unnamed mask';

  return seen
    ? { key: seen.trackId, label: seen.label, tracked: true }
    : { key: `segment:${label}`, label, tracked: false };
}
