/**
 * What the signals need of one patient from the database: per timepoint (date order) the
 * series with an assembled volume and SUV factors, and the lesion masks with their grid.
 */
import { asc, eq, inArray } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { patients, segmentMasks, series, studies, timepoints, volumes } from '@/db/schema';
import { AppError } from '@/server/lib/errors';

export type SeriesRow = typeof series.$inferSelect;
export type VolumeRow = typeof volumes.$inferSelect;
export type MaskRow = typeof segmentMasks.$inferSelect;
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
  /** Each mask with the image series whose grid it lies on. */
  masks: { mask: MaskRow; grid: ImagedSeries }[];
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

/**
 * Reads SEG segment masks only; masks propagated by tracking (files named on
 * lesion_observations) are not measured until signal values can be keyed by observation.
 */
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
  const masks = rows.length === 0 ? [] : await db.select().from(segmentMasks)
    .where(inArray(segmentMasks.imageSeriesId, rows.map((r) => r.series.id)))
    .orderBy(asc(segmentMasks.segmentNumber));

  return points.map((p): TimepointImages => {
    const images = rows.filter((r) => r.timepointId === p.id)
      .map((r) => ({ series: r.series, volume: r.volume }));
    const byId = new Map(images.map((i) => [i.series.id, i]));
    const own = masks.flatMap((mask) => {
      const grid = byId.get(mask.imageSeriesId);

      return grid ? [{ mask, grid }] : [];
    });

    return { id: p.id, date: p.date, isBaseline: p.isBaseline, images, masks: own };
  });
}
