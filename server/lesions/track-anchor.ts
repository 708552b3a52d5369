/**
 * The lesion that stands for a track when a reader's decision or outline names it.
 * Tracks are rebuilt by every re-tracking, so what is remembered is a segment mask the
 * track holds, or failing that a reader's outline: by default its latest one up to a
 * date, else its earliest one after it.
 */
import { and, desc, eq, isNotNull, or } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { lesionObservations, lesionTracks, timepoints } from '@/db/schema';
import { AppError } from '@/server/lib/errors';

/** One lesion of a timepoint: exactly one of the two ids is set. */
export interface LesionRef {
  segmentMaskId: string | null;
  outlineId: string | null;
}

export interface AnchorQuery {
  patientRowId: string;
  /** The timepoint date (YYYY-MM-DD) the anchor is sought around. */
  date: string;
  /** Only a lesion strictly before `date` will do (a vanish names the last sighting). */
  strictlyBefore?: boolean;
}

export const NO_LESION: LesionRef = { segmentMaskId: null, outlineId: null };

export async function anchorOnTrack(
  db: Db, at: AnchorQuery, trackId: string,
): Promise<LesionRef | undefined> {
  const [track] = await db.select({ id: lesionTracks.id }).from(lesionTracks)
    .where(and(eq(lesionTracks.id, trackId), eq(lesionTracks.patientId, at.patientRowId)));
  if (!track) {
    throw new AppError('NOT_FOUND', `Track ${trackId} is not a lesion of this patient.`, {
      userMessage: 'That lesion no longer exists; reload the lesion table and try again.',
    });
  }
  const rows = await db
    .select({ segmentMaskId: lesionObservations.segmentMaskId,
      outlineId: lesionObservations.outlineId, date: timepoints.date })
    .from(lesionObservations)
    .innerJoin(timepoints, eq(timepoints.id, lesionObservations.timepointId))
    .where(and(eq(lesionObservations.trackId, trackId),
      or(isNotNull(lesionObservations.segmentMaskId), isNotNull(lesionObservations.outlineId))))
    .orderBy(desc(timepoints.date));
  const pick = (from: typeof rows) => {
    const before = from.find((r) => (at.strictlyBefore ? r.date < at.date : r.date <= at.date));

    return at.strictlyBefore ? before : before ?? from.at(-1);
  };
  // Only the track matters to a decision, and a segment mask outlives a reader's outline
  // (which a reader may delete, taking the decisions that name it along).
  const found = pick(rows.filter((r) => r.segmentMaskId)) ?? pick(rows);

  return found && { segmentMaskId: found.segmentMaskId, outlineId: found.outlineId };
}

/** anchorOnTrack for a caller that cannot go on without a lesion. */
export async function requireAnchor(
  db: Db, at: AnchorQuery, trackId: string, userMessage: string,
): Promise<LesionRef> {
  const found = await anchorOnTrack(db, at, trackId);
  if (!found) {
    throw new AppError('BAD_INPUT', `Track ${trackId} has no segmented or outlined lesion.`,
      { userMessage });
  }

  return found;
}
