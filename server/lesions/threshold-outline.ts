/**
 * "Outline lesion here": segments the PET lesion under a clicked voxel by a seeded
 * threshold and records it as a lesion observation (source 'threshold') at that PET's
 * timepoint, with the mask stored like a propagated mask but on the PET grid.
 *
 * Known shortcomings: the observation lives on a lesion track, and tracks are rebuilt
 * wholesale by re-tracking, so a re-tracking run drops threshold outlines; who outlined
 * the lesion is kept as an 'outlined-by:' review flag because no table has a column for it.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { and, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionObservations, lesionTracks, propagatedMasks, series, studies, volumes,
} from '@/db/schema';
import { createImage, type ImageVolume, type Vec3 } from '@/server/imaging/image';
import { cropToBox } from '@/server/ingest/segments';
import { AppError } from '@/server/lib/errors';
import { writeFileAtomic } from '@/server/storage/files';
import { readVolume, resolveData } from '@/server/storage/volumes';
import { measureLesion } from '@/server/tracking/measure-lesion';

import { segmentByThreshold } from './threshold-lesion';
import { readThresholdMethod } from './threshold-settings';

export interface OutlineRequest {
  seriesId: string;
  seed: Vec3;
  /** Adds the outline to this lesion; without it the outline starts a new lesion. */
  trackId?: string;
}

export async function outlineLesionHere(
  db: Db, dataDir: string, request: OutlineRequest, outlinedBy: string,
) {
  const pet = await loadPet(db, request.seriesId);
  const suv = await readSuv(dataDir, pet);
  const method = await readThresholdMethod(db);
  const result = segmentByThreshold(suv, request.seed, { method });
  const { bbox, voxelCount, cropped } = cropToBox(result.mask);
  const storedPath = path.join('threshold', pet.seriesId, `${randomUUID()}.u8`);
  await writeFileAtomic(resolveData(dataDir, storedPath), cropped);
  const flags = ['manual', `threshold-${method}`, `outlined-by:${outlinedBy}`];
  if (result.reachedBound) flags.push('cut-at-growth-bound');
  const ids = await record(db, pet, request.trackId, {
    measured: measureLesion(result.mask), flags, voxelCount, bbox, storedPath,
  });

  return {
    ...ids, method, voxelCount, bbox, thresholdSuv: result.thresholdSuv,
    localMaxSuv: result.localMaxSuv, reachedBound: result.reachedBound,
    maskBase64: Buffer.from(cropped).toString('base64'),
  };
}

type PetRow = Awaited<ReturnType<typeof loadPet>>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function loadPet(db: Db, seriesId: string) {
  const [row] = await db
    .select({ series, volume: volumes, timepointId: studies.timepointId,
      patientId: studies.patientId })
    .from(series)
    .innerJoin(studies, eq(studies.id, series.studyId))
    .innerJoin(volumes, eq(volumes.seriesId, series.id))
    .where(eq(series.id, seriesId));
  if (!row) throw new AppError('NOT_FOUND', `Series ${seriesId} has no image volume.`);
  const factor = row.series.suv?.available ? row.series.suv.suvBwFactor : undefined;
  if (row.series.modality !== 'PT' || typeof factor !== 'number') {
    throw new AppError('BAD_INPUT', `Series ${seriesId} is not a PET with SUV.`, {
      userMessage: 'Outlining by threshold needs a PET series whose SUV is known.',
    });
  }
  if (!row.timepointId) {
    throw new AppError('BAD_INPUT', `Series ${seriesId} has no timepoint.`, {
      userMessage: 'This PET belongs to no timepoint yet; assign its study a timepoint first.',
    });
  }

  return { ...row, seriesId, timepointId: row.timepointId, suvFactor: factor };
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

interface Outline {
  measured: ReturnType<typeof measureLesion>;
  flags: string[];
  voxelCount: number;
  bbox: number[];
  storedPath: string;
}

async function record(db: Db, pet: PetRow, trackId: string | undefined, o: Outline) {
  return db.transaction(async (tx) => {
    const track = trackId
      ? await existingTrack(tx, pet.patientId, trackId)
      : await newTrack(tx, pet.patientId);
    const [observation] = await tx.insert(lesionObservations).values({
      trackId: track, timepointId: pet.timepointId, present: true, source: 'threshold',
      volumeMl: o.measured.volumeMl, longestDiameterMm: o.measured.longestAxialDiameterMm,
      shortAxisMm: o.measured.shortAxisMm, centroidMm: o.measured.centroidMm,
      reviewFlags: o.flags,
    }).returning({ id: lesionObservations.id });
    if (!observation) throw new AppError('INTERNAL', 'The observation was not stored.');
    await tx.insert(propagatedMasks).values({
      observationId: observation.id, imageSeriesId: pet.seriesId, voxelCount: o.voxelCount,
      bbox: o.bbox, storedPath: o.storedPath,
    });

    return { trackId: track, observationId: observation.id };
  });
}

async function existingTrack(db: Tx, patientId: string, trackId: string) {
  const [row] = await db.select({ id: lesionTracks.id }).from(lesionTracks)
    .where(and(eq(lesionTracks.id, trackId), eq(lesionTracks.patientId, patientId)));
  if (!row) {
    throw new AppError('NOT_FOUND', `Track ${trackId} is not a lesion of this patient.`, {
      userMessage: 'That lesion no longer exists; reload the lesion table and try again.',
    });
  }

  return row.id;
}

async function newTrack(db: Tx, patientId: string) {
  const rows = await db.select({ id: lesionTracks.id }).from(lesionTracks)
    .where(eq(lesionTracks.patientId, patientId));
  const [row] = await db.insert(lesionTracks)
    .values({ patientId, label: `L${rows.length + 1}`, status: 'new' })
    .returning({ id: lesionTracks.id });
  if (!row) throw new AppError('INTERNAL', 'The lesion track was not stored.');

  return row.id;
}
