/**
 * Recording a reader's decision about one observation. The decision is stored against
 * segment masks (see db/schema/tracking.ts) and the patient's tracks are rebuilt at once
 * with the stored registrations, so the table shows the decision applied.
 */
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionDecisions, lesionObservations, lesionTracks, patients, timepoints, type DecisionKind,
} from '@/db/schema';
import { AppError } from '@/server/lib/errors';

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
  const { segmentMaskId } = row;
  if (!segmentMaskId) {
    throw new AppError('BAD_INPUT', 'Only a measured lesion can be reviewed.', {
      userMessage: 'Only a lesion seen at this timepoint can be confirmed, relinked or ' +
        'marked new; an empty cell has no mask to decide about.',
    });
  }

  return { ...row, segmentMaskId };
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
