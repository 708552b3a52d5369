/**
 * Stored signal values of one patient with the names a reader needs beside them. A value
 * is of a SEG segment (segmentMaskId) or of a mask tracking made (observationId).
 */
import { asc, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionObservations, segmentMasks, series, signalValues, timepoints,
} from '@/db/schema';

export async function readValueRows(db: Db, patientRowId: string) {
  return db
    .select({
      segmentMaskId: signalValues.segmentMaskId,
      observationId: signalValues.observationId,
      segmentLabel: segmentMasks.label,
      /** Null for a SEG segment; 'propagated' or 'threshold' for a mask tracking made. */
      madeBy: lesionObservations.source,
      segmentNumber: segmentMasks.segmentNumber,
      timepointId: signalValues.timepointId,
      date: timepoints.date,
      signalId: signalValues.signalId,
      value: signalValues.value,
      unit: signalValues.unit,
      sourceSeriesId: signalValues.sourceSeriesId,
      sourceSeriesUid: series.seriesInstanceUid,
      sourceSeriesType: series.seriesType,
      sourceSeriesDescription: series.description,
      skippedReason: signalValues.skippedReason,
      engineVersion: signalValues.engineVersion,
      method: signalValues.method,
    })
    .from(signalValues)
    .leftJoin(segmentMasks, eq(segmentMasks.id, signalValues.segmentMaskId))
    .leftJoin(lesionObservations, eq(lesionObservations.id, signalValues.observationId))
    .innerJoin(timepoints, eq(timepoints.id, signalValues.timepointId))
    .leftJoin(series, eq(series.id, signalValues.sourceSeriesId))
    .where(eq(signalValues.patientId, patientRowId))
    .orderBy(asc(timepoints.date), asc(segmentMasks.segmentNumber), asc(signalValues.signalId));
}

export type ValueRow = Awaited<ReturnType<typeof readValueRows>>[number];
