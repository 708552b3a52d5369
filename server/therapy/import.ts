import { and, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { arms, cohorts, patients, therapyEvents } from '@/db/schema';
import { applyBaselineRule } from '@/server/ingest/regroup';

import type { TherapyRow } from './parse';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface TherapyImportResult {
  added: number;
  unchanged: number;
  patientsCreated: number;
}

/** A cohort name for arms given without one. */
export const DEFAULT_COHORT = 'Default cohort';

/**
 * Imports therapy lines in one transaction. A line already present (same patient,
 * agent, line and start) is left alone, so importing a file twice changes nothing.
 * Therapy may arrive before the scans: unknown patients are created.
 */
export async function importTherapy(db: Db, rows: TherapyRow[]): Promise<TherapyImportResult> {
  const result: TherapyImportResult = { added: 0, unchanged: 0, patientsCreated: 0 };
  const touched = new Set<string>();

  await db.transaction(async (tx) => {
    for (const row of rows) {
      const { id, created } = await ensurePatient(tx, row.patientId);
      if (created) result.patientsCreated++;
      touched.add(id);
      if (row.arm) await assignArm(tx, id, row.cohort || DEFAULT_COHORT, row.arm);
      if (await addLine(tx, id, row)) result.added++;
      else result.unchanged++;
    }
  });
  for (const id of touched) await applyBaselineRule(db, id);

  return result;
}

async function ensurePatient(tx: Tx, patientId: string) {
  const [found] = await tx
    .select({ id: patients.id })
    .from(patients)
    .where(eq(patients.patientId, patientId));
  if (found) return { id: found.id, created: false };
  const [row] = await tx.insert(patients).values({ patientId }).returning({ id: patients.id });
  if (!row) throw new Error('Inserting a patient returned no row.');

  return { id: row.id, created: true };
}

async function assignArm(tx: Tx, patientRowId: string, cohortName: string, armName: string) {
  await tx.insert(cohorts).values({ name: cohortName }).onConflictDoNothing();
  const [cohort] = await tx.select().from(cohorts).where(eq(cohorts.name, cohortName));
  if (!cohort) throw new Error(`Cohort ${cohortName} vanished during import.`);
  await tx.insert(arms).values({ cohortId: cohort.id, name: armName }).onConflictDoNothing();
  const [arm] = await tx
    .select()
    .from(arms)
    .where(and(eq(arms.cohortId, cohort.id), eq(arms.name, armName)));
  if (!arm) throw new Error(`Arm ${armName} vanished during import.`);
  await tx.update(patients).set({ armId: arm.id }).where(eq(patients.id, patientRowId));
}

async function addLine(tx: Tx, patientRowId: string, row: TherapyRow): Promise<boolean> {
  const same = and(
    eq(therapyEvents.patientId, patientRowId),
    eq(therapyEvents.agent, row.agent),
    eq(therapyEvents.line, row.line),
    eq(therapyEvents.startDate, row.start),
  );
  const [existing] = await tx.select({ id: therapyEvents.id }).from(therapyEvents).where(same);
  if (existing) return false;
  await tx.insert(therapyEvents).values({
    patientId: patientRowId,
    agent: row.agent,
    line: row.line,
    startDate: row.start,
    endDate: row.end ?? null,
  });

  return true;
}
