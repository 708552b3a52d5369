/**
 * The threshold outlines drawn on one PET series, for its page, and deleting one: the
 * row goes (with the observation made from it), then its file, then the patient is
 * matched again so no track keeps a gap or a lesion of its own for it.
 */
import fs from 'node:fs/promises';

import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

import type { Db } from '@/db/client';
import {
  lesionObservations, lesionOutlines, lesionTracks, patients, propagatedMasks, segmentMasks,
  volumes,
} from '@/db/schema';
import { AppError } from '@/server/lib/errors';
import { logger } from '@/server/lib/log';
import { resolveData } from '@/server/storage/volumes';

import { rematchPatient } from './track-patient';

const log = logger('app');

export interface OutlineView {
  id: string;
  method: '41%' | 'suv2.5';
  thresholdSuv: number;
  localMaxSuv: number;
  voxelCount: number;
  volumeMl: number;
  reachedBound: boolean;
  outlinedBy: string;
  createdAt: string;
  /** The lesion it was matched into, e.g. 'L3'; null until the patient is matched. */
  lesionLabel: string | null;
  trackId: string | null;
  /** The observation's mask row, for drawing the outline through the mask route. */
  maskId: string | null;
  /**
   * Set when a segment of the same timepoint holds the lesion (its SEG came after the
   * outline): the outline is then no lesion of its own, and this is the lesion it repeats.
   */
  duplicateOf: { segmentLabel: string; lesionLabel: string | null; trackId: string | null }
    | null;
}

export async function listOutlines(db: Db, seriesId: string): Promise<OutlineView[]> {
  const [grid] = await db.select({ spacingMm: volumes.spacingMm }).from(volumes)
    .where(eq(volumes.seriesId, seriesId));
  const voxelMl = grid ? grid.spacingMm.reduce((a, b) => a * b, 1) / 1000 : 0;
  const rows = await db
    .select({ outline: lesionOutlines, label: lesionTracks.label, trackId: lesionTracks.id,
      maskId: propagatedMasks.id, segmentLabel: segmentMasks.label,
      duplicateLabel: duplicateTrack.label, duplicateTrackId: duplicateTrack.id })
    .from(lesionOutlines)
    .leftJoin(lesionObservations, eq(lesionObservations.outlineId, lesionOutlines.id))
    .leftJoin(lesionTracks, eq(lesionTracks.id, lesionObservations.trackId))
    .leftJoin(propagatedMasks, eq(propagatedMasks.observationId, lesionObservations.id))
    .leftJoin(segmentMasks, eq(segmentMasks.id, lesionOutlines.duplicateOfSegmentMaskId))
    .leftJoin(segmentObservation, eq(segmentObservation.segmentMaskId, segmentMasks.id))
    .leftJoin(duplicateTrack, eq(duplicateTrack.id, segmentObservation.trackId))
    .where(eq(lesionOutlines.imageSeriesId, seriesId))
    .orderBy(asc(lesionOutlines.createdAt));

  return rows.map((r) => {
    const o = r.outline;

    return {
      id: o.id, method: o.method, thresholdSuv: o.thresholdSuv, localMaxSuv: o.localMaxSuv,
      voxelCount: o.voxelCount, volumeMl: o.voxelCount * voxelMl, reachedBound: o.reachedBound,
      outlinedBy: o.outlinedBy, createdAt: o.createdAt.toISOString(), lesionLabel: r.label,
      trackId: r.trackId, maskId: r.maskId,
      duplicateOf: r.segmentLabel === null ? null : { segmentLabel: r.segmentLabel,
        lesionLabel: r.duplicateLabel, trackId: r.duplicateTrackId },
    };
  });
}

const segmentObservation = alias(lesionObservations, 'segment_observation');
const duplicateTrack = alias(lesionTracks, 'duplicate_track');

export async function deleteOutline(db: Db, dataDir: string, outlineId: string): Promise<void> {
  const [row] = await db
    .select({ storedPath: lesionOutlines.storedPath, patientId: patients.patientId })
    .from(lesionOutlines)
    .innerJoin(patients, eq(patients.id, lesionOutlines.patientId))
    .where(eq(lesionOutlines.id, outlineId));
  if (!row) {
    throw new AppError('NOT_FOUND', `No outline ${outlineId}.`, {
      userMessage: 'That outline was already deleted. Reload the page.',
    });
  }
  await db.delete(lesionOutlines).where(eq(lesionOutlines.id, outlineId));
  // The row is gone, so a file left behind by a failed removal is only wasted space.
  await fs.rm(resolveData(dataDir, row.storedPath), { force: true }).catch((cause: unknown) =>
    log.warn('outline file not removed', { err: cause }));
  await rematchPatient(db, dataDir, row.patientId);
}
