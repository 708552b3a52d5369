import { and, asc, eq, or } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { patients, segmentMasks, series, studies, volumes } from '@/db/schema';
import { SERIES_TYPES } from '@/lib/series-types';
import { AppError } from '@/server/lib/errors';

export { SERIES_TYPES };
export type SeriesType = (typeof SERIES_TYPES)[number];

export async function getSeriesDetail(db: Db, seriesId: string) {
  const [row] = await db
    .select({
      series,
      volume: volumes,
      patientId: patients.patientId,
      studyDate: studies.studyDate,
      timepointId: studies.timepointId,
    })
    .from(series)
    .innerJoin(studies, eq(studies.id, series.studyId))
    .innerJoin(patients, eq(patients.id, studies.patientId))
    .leftJoin(volumes, eq(volumes.seriesId, series.id))
    .where(eq(series.id, seriesId));
  if (!row) throw new AppError('NOT_FOUND', 'That series does not exist (any more).');

  const masks = await masksFor(db, row.series, row.timepointId);
  const { storedPath: _omit, ...volume } = row.volume ?? { storedPath: '' };

  return {
    ...row.series,
    patientId: row.patientId,
    studyDate: row.studyDate,
    timepointId: row.timepointId,
    volume: row.volume ? (volume as Omit<typeof volumes.$inferSelect, 'storedPath'>) : null,
    masks,
  };
}

/**
 * The lesion masks to outline on a series: those drawn on it, and those drawn on
 * another series of the same timepoint and frame of reference (the CT of a PET/CT).
 * The latter are carried onto this grid when fetched, so their box is not known here:
 * `onGrid` is false and the box comes with the mask bytes.
 */
async function masksFor(db: Db, target: typeof series.$inferSelect, timepointId: string | null) {
  const rows = await db
    .select({
      id: segmentMasks.id,
      label: segmentMasks.label,
      segmentNumber: segmentMasks.segmentNumber,
      voxelCount: segmentMasks.voxelCount,
      bbox: segmentMasks.bbox,
      imageSeriesId: segmentMasks.imageSeriesId,
    })
    .from(segmentMasks)
    .innerJoin(series, eq(series.id, segmentMasks.imageSeriesId))
    .innerJoin(studies, eq(studies.id, series.studyId))
    .where(
      or(
        eq(segmentMasks.imageSeriesId, target.id),
        target.frameOfReferenceUid && timepointId
          ? and(
              eq(studies.timepointId, timepointId),
              eq(series.frameOfReferenceUid, target.frameOfReferenceUid),
            )
          : undefined,
      ),
    )
    .orderBy(asc(segmentMasks.segmentNumber));

  return rows.map(({ imageSeriesId, ...m }) => ({ ...m, onGrid: imageSeriesId === target.id }));
}

export async function setSeriesType(db: Db, seriesId: string, seriesType: SeriesType) {
  const [row] = await db
    .update(series)
    .set({ seriesType, seriesTypeSource: 'user' })
    .where(eq(series.id, seriesId))
    .returning({ id: series.id });
  if (!row) throw new AppError('NOT_FOUND', 'That series does not exist (any more).');
}

export const CONTRAST_PHASES = ['enhanced', 'unenhanced'] as const;
export type ContrastPhase = (typeof CONTRAST_PHASES)[number];

/**
 * A reader's contrast phase for a CT (null: unknown). It is kept over re-ingest; CT
 * enhancement pairs series by it on the next signal computation.
 */
export async function setContrastPhase(db: Db, seriesId: string, phase: ContrastPhase | null) {
  const [row] = await db
    .select({ modality: series.modality })
    .from(series)
    .where(eq(series.id, seriesId));
  if (!row) throw new AppError('NOT_FOUND', 'That series does not exist (any more).');
  if (row.modality !== 'CT') {
    throw new AppError('BAD_INPUT', `Series ${seriesId} is ${row.modality}, not CT.`, {
      userMessage: 'Only a CT series has a contrast phase.',
    });
  }

  await db
    .update(series)
    .set({ contrastPhase: phase, contrastPhaseSource: 'user' })
    .where(eq(series.id, seriesId));
}
