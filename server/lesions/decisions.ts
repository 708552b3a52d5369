/**
 * Recording a reader's decision about one observation. The decision is stored against
 * segment masks (see db/schema/tracking.ts), or for a reader's PET outline as the lesion
 * the outline is tied to (db/schema/tracking-outlines.ts), and the patient's tracks are
 * rebuilt at once with the stored registrations, so the table shows the decision applied.
 */
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionDecisions, lesionObservations, lesionOutlines, lesionReviewActions, lesionTracks,
  patients, timepoints, type DecisionKind, type ReviewActionKind,
} from '@/db/schema';
import { AppError } from '@/server/lib/errors';

import { anchorOnTrack } from './outline-anchor';
import { rematchPatient } from './track-patient';

export interface DecisionRequest {
  kind: DecisionKind;
  observationId: string;
  /** For relink: the track the observation moves to. */
  targetTrackId?: string;
}

export async function recordDecision(
  db: Db,
  dataDir: string,
  request: DecisionRequest,
  decidedBy: string,
): Promise<void> {
  const found = await findObservation(db, request.observationId);
  if (found.outlineId) {
    await tieOutline(db, request, { ...found, outlineId: found.outlineId });
    await rematchPatient(db, dataDir, found.patientId);

    return;
  }
  if (!found.segmentMaskId) {
    throw new AppError('BAD_INPUT', 'Only a measured lesion can be reviewed.', {
      userMessage: 'Only a lesion seen at this timepoint can be confirmed, relinked or ' +
        'marked new; an empty cell has no mask to decide about.',
    });
  }
  const withMask = await partnerMask(db, request, found.trackId, found.date);
  await db.insert(lesionDecisions).values({
    patientId: found.patientRowId, kind: request.kind, segmentMaskId: found.segmentMaskId,
    withSegmentMaskId: withMask, decidedBy,
  });
  await rematchPatient(db, dataDir, found.patientId);
}

async function findObservation(db: Db, observationId: string) {
  const [row] = await db
    .select({
      segmentMaskId: lesionObservations.segmentMaskId, trackId: lesionObservations.trackId,
      outlineId: lesionObservations.outlineId, timepointId: lesionObservations.timepointId,
      date: timepoints.date, patientRowId: patients.id, patientId: patients.patientId,
    })
    .from(lesionObservations)
    .innerJoin(lesionTracks, eq(lesionTracks.id, lesionObservations.trackId))
    .innerJoin(patients, eq(patients.id, lesionTracks.patientId))
    .innerJoin(timepoints, eq(timepoints.id, lesionObservations.timepointId))
    .where(eq(lesionObservations.id, observationId));
  if (!row) {
    throw new AppError('NOT_FOUND', `No observation ${observationId}.`, {
      userMessage: 'That observation no longer exists: the lesions were re-tracked. Reload.',
    });
  }

  return row;
}

type FoundObservation = Awaited<ReturnType<typeof findObservation>>;

/**
 * A decision about an outline's observation ties the outline to a lesion of the target
 * track (relink) or of its own track (confirm). Matching places an outline by itself, so
 * 'mark new' has nothing to hold on to: the reader relinks or deletes the outline instead.
 */
async function tieOutline(
  db: Db, request: DecisionRequest, found: FoundObservation & { outlineId: string },
) {
  if (request.kind === 'mark-new') {
    throw new AppError('BAD_INPUT', 'An outline cannot be marked new.', {
      userMessage: 'A PET outline is placed by matching: relink it to another lesion, or ' +
        'delete it on its PET series page.',
    });
  }
  const trackId = request.kind === 'relink' ? request.targetTrackId : found.trackId;
  if (!trackId) throw new AppError('BAD_INPUT', 'A relink needs the track to move to.');
  const anchor = await anchorOnTrack(db,
    { patientRowId: found.patientRowId, date: found.date, excludeOutlineId: found.outlineId },
    trackId);
  await db.update(lesionOutlines)
    .set({ withSegmentMaskId: anchor.segmentMaskId, withOutlineId: anchor.outlineId })
    .where(eq(lesionOutlines.id, found.outlineId));
}

/** The mask the decision ties this one to: the predecessor, or one on the target track. */
async function partnerMask(
  db: Db, request: DecisionRequest, trackId: string, date: string,
): Promise<string | null> {
  if (request.kind === 'mark-new') return null;
  const onTrack = request.kind === 'relink' ? request.targetTrackId : trackId;
  if (!onTrack) throw new AppError('BAD_INPUT', 'A relink needs the track to move to.');
  const before = await maskOnTrack(db, onTrack, lt(timepoints.date, date));
  const partner = before ?? (request.kind === 'relink' ? await maskOnTrack(db, onTrack) : null);
  if (request.kind === 'relink' && !partner) {
    throw new AppError('BAD_INPUT', 'The target track has no measured lesion to link to.');
  }

  return partner;
}

async function maskOnTrack(db: Db, trackId: string, when?: SQL): Promise<string | null> {
  const rows = await db
    .select({ maskId: lesionObservations.segmentMaskId })
    .from(lesionObservations)
    .innerJoin(timepoints, eq(timepoints.id, lesionObservations.timepointId))
    .where(and(eq(lesionObservations.trackId, trackId), eq(lesionObservations.present, true),
      when))
    .orderBy(desc(timepoints.date))
    .limit(1);

  return rows[0]?.maskId ?? null;
}

export interface ReviewActionRequest {
  kind: ReviewActionKind;
  observationId: string;
  /** For split: the track that keeps the mask; for merge: the track that joins this one. */
  otherTrackId?: string;
}

/**
 * Recording a split, merge or vanish (see db/schema/tracking-extra.ts). Vanish is
 * anchored on the track's last mask before the observation's timepoint, so it can be
 * asked of an empty or propagated cell too.
 */
export async function recordReviewAction(
  db: Db, dataDir: string, request: ReviewActionRequest, decidedBy: string,
): Promise<void> {
  const found = await findObservation(db, request.observationId);
  const anchor = request.kind === 'vanish'
    ? await maskOnTrack(db, found.trackId, lt(timepoints.date, found.date))
    : found.segmentMaskId;
  if (!anchor) {
    throw new AppError('BAD_INPUT', `No mask to anchor a ${request.kind} on.`, {
      userMessage: request.kind === 'vanish'
        ? 'The lesion has no earlier sighting: mark this mask new instead.'
        : 'Only a lesion seen at this timepoint can be split or merged.',
    });
  }
  const other = request.otherTrackId ? await maskOnTrack(db, request.otherTrackId) : null;
  if (request.kind !== 'vanish' && !other) {
    throw new AppError('BAD_INPUT', `A ${request.kind} needs the other track.`, {
      userMessage: 'Choose the other lesion (it must have a measured mask).',
    });
  }
  await db.insert(lesionReviewActions).values({
    patientId: found.patientRowId, kind: request.kind, segmentMaskId: anchor,
    withSegmentMaskId: other, timepointId: request.kind === 'vanish' ? found.timepointId : null,
    decidedBy,
  });
  await rematchPatient(db, dataDir, found.patientId);
}
