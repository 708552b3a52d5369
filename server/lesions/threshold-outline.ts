/**
 * "Outline lesion here": segments the PET lesion under a clicked voxel by a seeded
 * threshold and stores it as a lesion outline (db/schema/tracking-outlines.ts) at that
 * PET's timepoint, its mask cropped on the PET grid. The patient is then matched again
 * with the stored registrations, so the outline joins the track of the lesion it
 * matches (or the one the reader named) as an observation of source 'threshold'; every
 * later re-tracking does the same.
 *
 * A lesion a SEG segment of the same timepoint already holds is refused, naming the
 * lesion: a second lesion there would split its track, and the segment already gives its
 * PET signals. A patient never tracked has no registrations yet: its outline is matched
 * with the scanner frames as they are until 'Track lesions' is run.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionObservations, lesionOutlines, lesionTracks, patients, series, studies, timepoints,
  volumes,
} from '@/db/schema';
import { createImage, type ImageVolume, type Vec3 } from '@/server/imaging/image';
import { cropToBox } from '@/server/ingest/segments';
import { AppError } from '@/server/lib/errors';
import { writeFileAtomic } from '@/server/storage/files';
import { readVolume, resolveData } from '@/server/storage/volumes';

import { loadPatientInputs, loadSeriesToCt } from './load-patient';
import { inCtFrame, readSegments } from './measure-masks';
import { coveringSegment } from './outline-overlap';
import { segmentByThreshold } from './threshold-lesion';
import { readThresholdMethod } from './threshold-settings';
import { NO_LESION, requireAnchor } from './track-anchor';
import { rematchPatient } from './track-patient';

export interface OutlineRequest {
  seriesId: string;
  seed: Vec3;
  /** The lesion the outline belongs to; without it matching finds the lesion. */
  trackId?: string;
}

export async function outlineLesionHere(
  db: Db, dataDir: string, request: OutlineRequest, outlinedBy: string,
) {
  const pet = await loadPet(db, request.seriesId);
  const suv = await readSuv(dataDir, pet);
  const method = await readThresholdMethod(db);
  const result = segmentByThreshold(suv, request.seed, { method });
  await refuseSegmentedLesion(db, dataDir, pet, result.mask);
  const anchor = request.trackId
    ? await requireAnchor(db, pet, request.trackId,
      'That lesion has no measured mask to tie the outline to; choose another.')
    : NO_LESION;
  const { bbox, voxelCount, cropped } = cropToBox(result.mask);
  const storedPath = path.join('threshold', pet.seriesId, `${randomUUID()}.u8`);
  await writeFileAtomic(resolveData(dataDir, storedPath), cropped);
  const [outline] = await db.insert(lesionOutlines).values({
    patientId: pet.patientId, timepointId: pet.timepointId, imageSeriesId: pet.seriesId,
    seedVoxel: request.seed, method, thresholdSuv: result.thresholdSuv,
    localMaxSuv: result.localMaxSuv, voxelCount, bbox, storedPath,
    reachedBound: result.reachedBound, outlinedBy,
    withSegmentMaskId: anchor.segmentMaskId, withOutlineId: anchor.outlineId,
  }).returning({ id: lesionOutlines.id });
  if (!outline) throw new AppError('INTERNAL', 'The outline was not stored.');
  await rematchPatient(db, dataDir, pet.patientPublicId);

  return {
    ...await observationOf(db, outline.id), outlineId: outline.id, method, voxelCount, bbox,
    thresholdSuv: result.thresholdSuv, localMaxSuv: result.localMaxSuv,
    reachedBound: result.reachedBound, maskBase64: Buffer.from(cropped).toString('base64'),
  };
}

type PetRow = Awaited<ReturnType<typeof loadPet>>;

async function loadPet(db: Db, seriesId: string) {
  const [row] = await db
    .select({ series, volume: volumes, timepointId: studies.timepointId,
      patientId: studies.patientId, patientPublicId: patients.patientId, date: timepoints.date })
    .from(series)
    .innerJoin(studies, eq(studies.id, series.studyId))
    .innerJoin(patients, eq(patients.id, studies.patientId))
    .leftJoin(timepoints, eq(timepoints.id, studies.timepointId))
    .innerJoin(volumes, eq(volumes.seriesId, series.id))
    .where(eq(series.id, seriesId));
  if (!row) throw new AppError('NOT_FOUND', `Series ${seriesId} has no image volume.`);
  const factor = row.series.suv?.available ? row.series.suv.suvBwFactor : undefined;
  if (row.series.modality !== 'PT' || typeof factor !== 'number') {
    throw new AppError('BAD_INPUT', `Series ${seriesId} is not a PET with SUV.`, {
      userMessage: 'Outlining by threshold needs a PET series whose SUV is known.',
    });
  }
  if (!row.timepointId || !row.date) {
    throw new AppError('BAD_INPUT', `Series ${seriesId} has no timepoint.`, {
      userMessage: 'This PET belongs to no timepoint yet; assign its study a timepoint first.',
    });
  }

  return { ...row, seriesId, timepointId: row.timepointId, date: row.date,
    patientRowId: row.patientId, suvFactor: factor };
}

async function readSuv(dataDir: string, pet: PetRow): Promise<ImageVolume> {
  const v = pet.volume;
  const geometry = { size: v.size, spacingMm: v.spacingMm, originMm: v.originMm,
    direction: v.direction };
  const stored = await readVolume(resolveData(dataDir, v.storedPath), geometry, v.pixelType);
  const suv = createImage(geometry, 'float32');
  for (let n = 0; n < suv.data.length; n++) suv.data[n] = (stored.data[n] ?? 0) * pet.suvFactor;

  return suv;
}

/** Throws when a segment of the PET's timepoint already holds the outlined lesion. */
async function refuseSegmentedLesion(
  db: Db, dataDir: string, pet: PetRow, mask: ImageVolume,
): Promise<void> {
  const inputs = await loadPatientInputs(db, pet.patientPublicId);
  const timepoint = inputs.timepoints.find((t) => t.id === pet.timepointId);
  if (!timepoint || timepoint.masks.length === 0) return;
  const toCt = (await loadSeriesToCt(db, inputs.patientRowId)).get(timepoint.id) ?? new Map();
  const segments = await readSegments(dataDir, timepoint, toCt);
  const covered = coveringSegment(inCtFrame(mask, pet.seriesId, toCt), segments);
  if (!covered) return;

  const segment = segments.find((s) => s.segmentMaskId === covered);
  const [tracked] = await db.select({ label: lesionTracks.label }).from(lesionObservations)
    .innerJoin(lesionTracks, eq(lesionTracks.id, lesionObservations.trackId))
    .where(eq(lesionObservations.segmentMaskId, covered));
  const name = tracked ? `lesion ${tracked.label} (segment "${segment?.label ?? '?'}")`
    : `segment "${segment?.label ?? '?'}"`;
  throw new AppError('CONFLICT', `Outline duplicates segment mask ${covered}.`, {
    userMessage: `This lesion is already segmented at this timepoint as ${name}; its PET ` +
      'signals are measured in that segment. Outline only lesions the segmentation lacks.',
  });
}

async function observationOf(db: Db, outlineId: string) {
  const [row] = await db
    .select({ trackId: lesionObservations.trackId, observationId: lesionObservations.id })
    .from(lesionObservations)
    .where(eq(lesionObservations.outlineId, outlineId));
  if (!row) throw new AppError('INTERNAL', `Outline ${outlineId} was matched to no lesion.`);

  return row;
}
