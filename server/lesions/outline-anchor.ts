/**
 * The lesion that stands for a track when a reader ties an outline to it: tracks are
 * rebuilt by every re-tracking, so the outline remembers a segment mask or another
 * outline of the track instead, its latest one up to the outline's date, else its
 * earliest one after it.
 */
import { and, desc, eq, isNotNull, or } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { lesionObservations, lesionTracks, timepoints } from '@/db/schema';
import { AppError } from '@/server/lib/errors';

export interface OutlineAnchor {
  segmentMaskId: string | null;
  outlineId: string | null;
}

export async function anchorOnTrack(
  db: Db,
  at: { patientRowId: string; date: string; excludeOutlineId?: string },
  trackId: string,
): Promise<OutlineAnchor> {
  const [track] = await db.select({ id: lesionTracks.id }).from(lesionTracks)
    .where(and(eq(lesionTracks.id, trackId), eq(lesionTracks.patientId, at.patientRowId)));
  if (!track) {
    throw new AppError('NOT_FOUND', `Track ${trackId} is not a lesion of this patient.`, {
      userMessage: 'That lesion no longer exists; reload the lesion table and try again.',
    });
  }
  const rows = (await db
    .select({ segmentMaskId: lesionObservations.segmentMaskId,
      outlineId: lesionObservations.outlineId, date: timepoints.date })
    .from(lesionObservations)
    .innerJoin(timepoints, eq(timepoints.id, lesionObservations.timepointId))
    .where(and(eq(lesionObservations.trackId, trackId),
      or(isNotNull(lesionObservations.segmentMaskId), isNotNull(lesionObservations.outlineId))))
    .orderBy(desc(timepoints.date)))
    .filter((r) => !at.excludeOutlineId || r.outlineId !== at.excludeOutlineId);
  const found = rows.find((r) => r.date <= at.date) ?? rows.at(-1);
  if (!found) {
    throw new AppError('BAD_INPUT', `Track ${trackId} has no segmented or outlined lesion.`, {
      userMessage: 'That lesion has no measured mask to tie the outline to; choose another.',
    });
  }

  return { segmentMaskId: found.segmentMaskId, outlineId: found.outlineId };
}
