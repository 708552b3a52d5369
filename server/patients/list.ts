import { and, asc, eq, ilike, sql } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { arms, cohorts, patients, timepoints } from '@/db/schema';

export interface PatientListFilter {
  search?: string;
  armId?: string;
}

export interface PatientListRow {
  id: string;
  patientId: string;
  sex: string | null;
  birthYear: number | null;
  arm: string | null;
  cohort: string | null;
  timepointCount: number;
  lastScanDate: string | null;
}

export async function listPatients(db: Db, filter: PatientListFilter): Promise<PatientListRow[]> {
  const conditions = [];
  if (filter.search) conditions.push(ilike(patients.patientId, `%${escapeLike(filter.search)}%`));
  if (filter.armId) conditions.push(eq(patients.armId, filter.armId));

  const rows = await db
    .select({
      id: patients.id,
      patientId: patients.patientId,
      sex: patients.sex,
      birthYear: patients.birthYear,
      arm: arms.name,
      cohort: cohorts.name,
      timepointCount: sql<number>`count(${timepoints.id})::int`,
      lastScanDate: sql<string | null>`max(${timepoints.date})::text`,
    })
    .from(patients)
    .leftJoin(arms, eq(arms.id, patients.armId))
    .leftJoin(cohorts, eq(cohorts.id, arms.cohortId))
    .leftJoin(timepoints, eq(timepoints.patientId, patients.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .groupBy(patients.id, arms.name, cohorts.name)
    .orderBy(asc(patients.patientId));

  return rows;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listArms(db: Db) {
  return db
    .select({ id: arms.id, name: arms.name, cohort: cohorts.name })
    .from(arms)
    .innerJoin(cohorts, eq(cohorts.id, arms.cohortId))
    .orderBy(asc(cohorts.name), asc(arms.name));
}
