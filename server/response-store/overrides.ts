/**
 * Reading and writing a reader's corrections. A new override replaces the previous one of
 * the same kind on the same lesion (any mask of its track) and timepoint; clearing one
 * deletes it, so the automatic value shows again.
 *
 * Known shortcoming: an override follows its mask, so when a reader relinks that mask to
 * another track the override moves with it; keying by the set of masks at the time of
 * the override and asking the reader on conflicts would lift this.
 */
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionObservations,
  lesionTracks,
  patients,
  responseOverrides,
  type ResponseOverrideKind,
  type ResponseOverrideValue,
} from '@/db/schema';
import { AppError } from '@/server/lib/errors';

export type StoredOverride = typeof responseOverrides.$inferSelect;

/** Who changed it and when, as the table shows beside an overridden value. */
export interface OverrideNote {
  changedBy: string;
  changedAt: string;
}

export interface OverrideRequest {
  patientId: string;
  kind: ResponseOverrideKind;
  /** Required for every kind but 'timepoint'. */
  trackId?: string;
  /** Required for every kind but 'organ' and 'role'. */
  timepointId?: string;
  /** null clears the override. */
  value: ResponseOverrideValue | null;
  changedBy: string;
}

export function loadOverrides(db: Db, patientRowId: string): Promise<StoredOverride[]> {
  return db
    .select()
    .from(responseOverrides)
    .where(eq(responseOverrides.patientId, patientRowId))
    .orderBy(asc(responseOverrides.changedAt));
}

export function noteOf(row: StoredOverride): OverrideNote {
  return { changedBy: row.changedBy, changedAt: row.changedAt.toISOString() };
}

/** The latest override of a kind on a lesion (given by its masks) at a timepoint. */
export function findOverride(
  rows: StoredOverride[],
  kind: ResponseOverrideKind,
  masks: Set<string> | null,
  timepointId: string | null,
): StoredOverride | undefined {
  return rows.findLast(
    (r) =>
      r.kind === kind &&
      r.timepointId === timepointId &&
      (masks === null || (r.segmentMaskId !== null && masks.has(r.segmentMaskId))),
  );
}

export async function saveOverride(db: Db, request: OverrideRequest): Promise<void> {
  checkShape(request);
  const [patient] = await db
    .select()
    .from(patients)
    .where(eq(patients.patientId, request.patientId));
  if (!patient) throw new AppError('NOT_FOUND', `No patient with id ${request.patientId}.`);
  const lesion = request.trackId ? await trackMasks(db, patient.id, request) : null;
  const timepointId = request.timepointId ?? null;

  await db.transaction(async (tx) => {
    await tx.delete(responseOverrides).where(and(...sameSlot(patient.id, request, lesion)));
    if (request.value === null) return;

    await tx.insert(responseOverrides).values({
      patientId: patient.id,
      kind: request.kind,
      timepointId,
      segmentMaskId: lesion?.keyMaskId ?? null,
      value: request.value,
      changedBy: request.changedBy,
    });
  });
}

const LESION_WIDE = new Set<ResponseOverrideKind>(['organ', 'role']);

function checkShape(request: OverrideRequest): void {
  if (request.value !== null && request.value.kind !== request.kind) {
    throw new AppError(
      'BAD_INPUT',
      `Override value of kind ${request.value.kind} given ` +
        `for kind ${request.kind}; send the same kind in both.`,
    );
  }
  if (request.kind !== 'timepoint' && !request.trackId) {
    throw new AppError('BAD_INPUT', `A ${request.kind} override needs the lesion's trackId.`);
  }
  if (!LESION_WIDE.has(request.kind) && !request.timepointId) {
    throw new AppError('BAD_INPUT', `A ${request.kind} override needs the timepointId.`);
  }
}

function sameSlot(
  patientRowId: string,
  request: OverrideRequest,
  lesion: { masks: string[] } | null,
): SQL[] {
  const timepoint = request.timepointId
    ? eq(responseOverrides.timepointId, request.timepointId)
    : isNull(responseOverrides.timepointId);
  const masks = lesion ? inArray(responseOverrides.segmentMaskId, lesion.masks) : undefined;

  return [
    eq(responseOverrides.patientId, patientRowId),
    eq(responseOverrides.kind, request.kind),
    timepoint,
    ...(masks ? [masks] : []),
  ];
}

/**
 * The masks of the track, and the one the override is keyed by: the lesion's own mask on
 * that scan when it has one, else its first mask (an absent lesion has none there).
 */
async function trackMasks(db: Db, patientRowId: string, request: OverrideRequest) {
  const [track] = await db
    .select()
    .from(lesionTracks)
    .where(and(eq(lesionTracks.id, request.trackId!), eq(lesionTracks.patientId, patientRowId)));
  if (!track) {
    throw new AppError(
      'NOT_FOUND',
      `No lesion track ${request.trackId} for this patient; ` +
        'the patient may have been re-tracked: reload the page.',
    );
  }
  const rows = await db
    .select()
    .from(lesionObservations)
    .where(eq(lesionObservations.trackId, track.id));
  const withMask = rows.filter((r) => r.segmentMaskId !== null);
  const own = withMask.find((r) => r.timepointId === request.timepointId);
  const keyMaskId = (own ?? withMask[0])?.segmentMaskId;
  if (!keyMaskId) {
    throw new AppError(
      'CONFLICT',
      `Lesion track ${track.label} has no segment mask to key ` +
        'the override by; re-track the patient.',
    );
  }

  return { masks: withMask.map((r) => r.segmentMaskId!), keyMaskId };
}
