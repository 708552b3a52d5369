import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { studies, therapyEvents, timepoints } from '@/db/schema';

import { AppError } from '@/server/lib/errors';

import { chooseBaseline, groupStudies } from './timepoints';

/**
 * Re-forms the timepoints of one patient from its studies. Existing timepoint rows are
 * reused where their date still starts a group, so ids (and what later hangs off
 * them) survive a re-ingest; a baseline the user chose stays chosen.
 */
export async function regroupTimepoints(db: Db, patientRowId: string, windowDays: number) {
  await db.transaction(async (tx) => {
    const studyRows = await tx
      .select({ studyId: studies.id, date: studies.studyDate })
      .from(studies)
      .where(eq(studies.patientId, patientRowId));
    const existing = await tx
      .select()
      .from(timepoints)
      .where(eq(timepoints.patientId, patientRowId))
      .orderBy(asc(timepoints.date));
    const groups = groupStudies(studyRows, windowDays);

    const keptIds: string[] = [];
    for (const group of groups) {
      const reuse = existing.find((t) => t.date === group.date && !keptIds.includes(t.id));
      const id = reuse?.id ?? (await insertTimepoint(tx, patientRowId, group.date));
      keptIds.push(id);
      await tx.update(studies).set({ timepointId: id }).where(inArray(studies.id, group.studyIds));
    }
    const stale = and(eq(timepoints.patientId, patientRowId), notInArray(timepoints.id, keptIds));
    await tx
      .delete(timepoints)
      .where(keptIds.length ? stale : eq(timepoints.patientId, patientRowId));
  });
  await applyBaselineRule(db, patientRowId);
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function insertTimepoint(tx: Tx, patientRowId: string, date: string): Promise<string> {
  const [row] = await tx
    .insert(timepoints)
    .values({ patientId: patientRowId, date })
    .returning({ id: timepoints.id });
  if (!row) throw new Error('Inserting a timepoint returned no row.');

  return row.id;
}

/** Sets the automatic baseline unless a user has picked one that still exists. */
export async function applyBaselineRule(db: Db, patientRowId: string): Promise<void> {
  const points = await db
    .select()
    .from(timepoints)
    .where(eq(timepoints.patientId, patientRowId))
    .orderBy(asc(timepoints.date));
  if (points.some((p) => p.isBaseline && p.baselineSource === 'user')) return;

  const starts = await db
    .select({ start: therapyEvents.startDate })
    .from(therapyEvents)
    .where(eq(therapyEvents.patientId, patientRowId));
  const index = chooseBaseline(
    points.map((p) => p.date),
    starts.map((s) => s.start),
  );
  for (const [i, point] of points.entries()) {
    if (point.isBaseline === (i === index) && point.baselineSource === 'auto') continue;
    await db
      .update(timepoints)
      .set({ isBaseline: i === index, baselineSource: 'auto' })
      .where(eq(timepoints.id, point.id));
  }
}

/** A user's choice of baseline; it stays until the user chooses again. */
export async function setBaseline(db: Db, timepointId: string, changedBy: string) {
  await db.transaction(async (tx) => {
    const [point] = await tx.select().from(timepoints).where(eq(timepoints.id, timepointId));
    if (!point) throw new AppError('NOT_FOUND', 'That timepoint no longer exists.');
    await tx
      .update(timepoints)
      .set({ isBaseline: false, baselineSource: 'auto' })
      .where(eq(timepoints.patientId, point.patientId));
    await tx
      .update(timepoints)
      .set({ isBaseline: true, baselineSource: 'user', baselineChangedBy: changedBy })
      .where(eq(timepoints.id, timepointId));
  });
}
