/**
 * Recording a reader's decision about one observation. The decision names the lesion seen
 * there, a segment mask or a reader's PET outline, and a partner lesion of the track it
 * goes with (see db/schema/decided-lesion.ts); the patient's tracks are then rebuilt at
 * once with the stored registrations, so the table shows the decision applied.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionDecisions, lesionObservations, lesionReviewActions, lesionTracks, patients,
  timepoints, type DecisionKind, type ReviewActionKind,
} from '@/db/schema';
import { AppError } from '@/server/lib/errors';

import { anchorOnTrack, requireAnchor, type LesionRef } from './track-anchor';
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
  const lesion = seenLesion(found, 'Only a lesion seen at this timepoint can be confirmed, ' +
    'relinked or marked new; an empty or propagated cell has no mask of its own to decide ' +
    'about (mark it vanished, or outline the lesion on its PET).');
  const partner = await partnerOf(db, request, found);
  await db.insert(lesionDecisions).values({
    patientId: found.patientRowId, kind: request.kind, ...lesion, ...asPartner(partner),
    decidedBy,
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

/** The segment mask or outline the cell shows; a propagated or empty cell has neither. */
function seenLesion(found: FoundObservation, userMessage: string): LesionRef {
  if (!found.segmentMaskId && !found.outlineId) {
    throw new AppError('BAD_INPUT', 'Only a segmented or outlined lesion can be reviewed.',
      { userMessage });
  }

  return { segmentMaskId: found.segmentMaskId, outlineId: found.outlineId };
}

function asPartner(partner: LesionRef | undefined) {
  return {
    withSegmentMaskId: partner?.segmentMaskId ?? null,
    withOutlineId: partner?.outlineId ?? null,
  };
}

/**
 * The lesion the decision ties this one to: on its own track (confirm) or the target
 * track (relink), the latest one up to this timepoint, else the earliest after it.
 */
async function partnerOf(
  db: Db, request: DecisionRequest, found: FoundObservation,
): Promise<LesionRef | undefined> {
  if (request.kind === 'mark-new') return undefined;
  const onTrack = request.kind === 'relink' ? request.targetTrackId : found.trackId;
  if (!onTrack) throw new AppError('BAD_INPUT', 'A relink needs the track to move to.');
  if (request.kind === 'confirm') {
    return anchorOnTrack(db, { ...found, strictlyBefore: true }, onTrack);
  }

  return requireAnchor(db, found, onTrack,
    'The lesion to move to has no segmented or outlined sighting to link to; choose another.');
}

export interface ReviewActionRequest {
  kind: ReviewActionKind;
  observationId: string;
  /** For split: the track that keeps the mask; for merge: the track that joins this one. */
  otherTrackId?: string;
}

/**
 * Recording a split, merge or vanish (see db/schema/tracking-extra.ts). Vanish is
 * anchored on the track's last lesion before the observation's timepoint, so it can be
 * asked of an empty or propagated cell too.
 */
export async function recordReviewAction(
  db: Db, dataDir: string, request: ReviewActionRequest, decidedBy: string,
): Promise<void> {
  const found = await findObservation(db, request.observationId);
  const lesion = request.kind === 'vanish'
    ? await requireAnchor(db, { ...found, strictlyBefore: true }, found.trackId,
      'The lesion has no earlier sighting: mark this lesion new instead.')
    : seenLesion(found, 'Only a lesion seen at this timepoint can be split or merged.');
  if (request.kind !== 'vanish' && !request.otherTrackId) {
    throw new AppError('BAD_INPUT', `A ${request.kind} needs the other track.`, {
      userMessage: 'Choose the other lesion.',
    });
  }
  const other = request.otherTrackId
    ? await requireAnchor(db, found, request.otherTrackId,
      'The other lesion has no segmented or outlined sighting; choose another.')
    : undefined;
  await db.insert(lesionReviewActions).values({
    patientId: found.patientRowId, kind: request.kind, ...lesion, ...asPartner(other),
    timepointId: request.kind === 'vanish' ? found.timepointId : null, decidedBy,
  });
  await rematchPatient(db, dataDir, found.patientId);
}
