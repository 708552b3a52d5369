import { asc, eq } from 'drizzle-orm';

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

  const masks = await db
    .select({
      id: segmentMasks.id,
      label: segmentMasks.label,
      segmentNumber: segmentMasks.segmentNumber,
      voxelCount: segmentMasks.voxelCount,
      bbox: segmentMasks.bbox,
    })
    .from(segmentMasks)
    .where(eq(segmentMasks.imageSeriesId, seriesId))
    .orderBy(asc(segmentMasks.segmentNumber));
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

export async function setSeriesType(db: Db, seriesId: string, seriesType: SeriesType) {
  const [row] = await db
    .update(series)
    .set({ seriesType, seriesTypeSource: 'user' })
    .where(eq(series.id, seriesId))
    .returning({ id: series.id });
  if (!row) throw new AppError('NOT_FOUND', 'That series does not exist (any more).');
}
