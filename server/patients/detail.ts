import { asc, eq, inArray } from 'drizzle-orm';

import type { Db } from '@/db/client';
import type { SuvInfo } from '@/db/schema';
import { arms, patients, series, studies, therapyEvents, timepoints } from '@/db/schema';
import { AppError } from '@/server/lib/errors';

export interface SeriesSummary {
  id: string;
  seriesInstanceUid: string;
  modality: string;
  seriesType: string;
  seriesTypeSource: string;
  /** CT only: 'enhanced', 'unenhanced' or null (unknown), set by ingest or a user. */
  contrastPhase: string | null;
  contrastPhaseSource: string;
  tracer: string | null;
  description: string | null;
  instanceCount: number;
  suv: SuvInfo | null;
}

export interface TimepointDetail {
  id: string;
  index: number;
  date: string;
  isBaseline: boolean;
  baselineSource: string;
  series: SeriesSummary[];
}

export async function getPatientDetail(db: Db, patientId: string) {
  const [patient] = await db
    .select({
      id: patients.id,
      patientId: patients.patientId,
      sex: patients.sex,
      birthYear: patients.birthYear,
      weightKg: patients.weightKg,
      arm: arms.name,
    })
    .from(patients)
    .leftJoin(arms, eq(arms.id, patients.armId))
    .where(eq(patients.patientId, patientId));
  if (!patient) {
    throw new AppError('NOT_FOUND', `No patient with id ${patientId}.`);
  }

  const [points, therapy] = await Promise.all([
    loadTimepoints(db, patient.id),
    db
      .select()
      .from(therapyEvents)
      .where(eq(therapyEvents.patientId, patient.id))
      .orderBy(asc(therapyEvents.startDate)),
  ]);

  return { ...patient, timepoints: points, therapy };
}

async function loadTimepoints(db: Db, patientRowId: string): Promise<TimepointDetail[]> {
  const points = await db
    .select()
    .from(timepoints)
    .where(eq(timepoints.patientId, patientRowId))
    .orderBy(asc(timepoints.date));
  if (points.length === 0) return [];

  const rows = await db
    .select({ timepointId: studies.timepointId, series })
    .from(series)
    .innerJoin(studies, eq(studies.id, series.studyId))
    .where(
      inArray(
        studies.timepointId,
        points.map((p) => p.id),
      ),
    )
    .orderBy(asc(series.seriesNumber), asc(series.seriesType));

  return points.map((point, index) => ({
    id: point.id,
    index,
    date: point.date,
    isBaseline: point.isBaseline,
    baselineSource: point.baselineSource,
    series: rows.filter((r) => r.timepointId === point.id).map((r) => summarise(r.series)),
  }));
}

function summarise(row: typeof series.$inferSelect): SeriesSummary {
  return {
    id: row.id,
    seriesInstanceUid: row.seriesInstanceUid,
    modality: row.modality,
    seriesType: row.seriesType,
    seriesTypeSource: row.seriesTypeSource,
    contrastPhase: row.contrastPhase,
    contrastPhaseSource: row.contrastPhaseSource,
    tracer: row.tracer,
    description: row.description,
    instanceCount: row.instanceCount,
    suv: row.suv,
  };
}
