/**
 * What the signals need of one patient from the database: per timepoint (date order) the
 * series with an assembled volume and SUV factors, and the lesion masks with their grid:
 * SEG segments, and the masks tracking made where a lesion had none (propagated onto a
 * follow-up without a SEG, or thresholded on a PET by a reader).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionObservations, patients, propagatedMasks, segmentMasks, series, studies, timepoints,
  volumes, type ObservationSource,
} from '@/db/schema';
import { AppError } from '@/server/lib/errors';

export type SeriesRow = typeof series.$inferSelect;
export type VolumeRow = typeof volumes.$inferSelect;
export type PatientRow = typeof patients.$inferSelect;

export interface ImagedSeries {
  series: SeriesRow;
  volume: VolumeRow;
}

export interface TimepointImages {
  id: string;
  date: string;
  isBaseline: boolean;
  images: ImagedSeries[];
  /** SEG masks first (in segment order), then the masks tracking made. */
  masks: LesionMask[];
}

/** A stored lesion mask, cropped to its inclusive voxel box on the grid it lies on. */
export interface LesionMask {
  /** What its signal_values rows are keyed by. */
  key: { segmentMaskId: string } | { observationId: string };
  source: ObservationSource;
  storedPath: string;
  bbox: number[];
  grid: ImagedSeries;
}

export async function findPatient(db: Db, patientId: string): Promise<PatientRow> {
  const [patient] = await db.select().from(patients).where(eq(patients.patientId, patientId));
  if (!patient) {
    throw new AppError('NOT_FOUND', `No patient with id ${patientId}.`, {
      userMessage: `No patient ${patientId}: check the id with \`hallmark patients\`.`,
    });
  }

  return patient;
}

export async function loadTimepointImages(db: Db, patientRowId: string) {
  const points = await db.select().from(timepoints)
    .where(eq(timepoints.patientId, patientRowId)).orderBy(asc(timepoints.date));
  if (points.length === 0) return [];

  const rows = await db
    .select({ timepointId: studies.timepointId, series, volume: volumes })
    .from(series)
    .innerJoin(studies, eq(studies.id, series.studyId))
    .innerJoin(volumes, eq(volumes.seriesId, series.id))
    .where(inArray(studies.timepointId, points.map((p) => p.id)));
  const gridIds = rows.map((r) => r.series.id);
  const masks = gridIds.length === 0 ? [] : await readMasks(db, gridIds);

  return points.map((p): TimepointImages => {
    const images = rows.filter((r) => r.timepointId === p.id)
      .map((r) => ({ series: r.series, volume: r.volume }));
    const byId = new Map(images.map((i) => [i.series.id, i]));
    const own = masks.flatMap(({ imageSeriesId, ...mask }) => {
      const grid = byId.get(imageSeriesId);

      return grid ? [{ ...mask, grid }] : [];
    });

    return { id: p.id, date: p.date, isBaseline: p.isBaseline, images, masks: own };
  });
}

/** Every mask lying on one of the grids, SEG segments before tracking's own masks. */
async function readMasks(db: Db, gridIds: string[]) {
  const segments = await db.select().from(segmentMasks)
    .where(inArray(segmentMasks.imageSeriesId, gridIds))
    .orderBy(asc(segmentMasks.segmentNumber));
  // Only observations without a segment have a mask row, so none is measured twice.
  const made = await db
    .select({ mask: propagatedMasks, source: lesionObservations.source })
    .from(propagatedMasks)
    .innerJoin(lesionObservations, eq(lesionObservations.id, propagatedMasks.observationId))
    .where(and(
      inArray(propagatedMasks.imageSeriesId, gridIds), eq(lesionObservations.present, true),
    ))
    .orderBy(asc(propagatedMasks.createdAt));
  const crop = (m: { storedPath: string; bbox: number[]; imageSeriesId: string }) =>
    ({ storedPath: m.storedPath, bbox: m.bbox, imageSeriesId: m.imageSeriesId });

  return [
    ...segments.map((m) => ({ key: { segmentMaskId: m.id }, source: 'segmentation' as const,
      ...crop(m) })),
    ...made.map(({ mask, source }) => ({ key: { observationId: mask.observationId }, source,
      ...crop(mask) })),
  ];
}
