import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { therapyEvents } from '@/db/schema';
import { applyBaselineRule } from '@/server/ingest/regroup';
import { AppError } from '@/server/lib/errors';

export interface TherapyEdit {
  id: string;
  agent: string;
  line: number;
  startDate: string;
  endDate: string | null;
}

/** Edits one therapy line; the automatic baseline follows the new start date. */
export async function updateTherapyEvent(db: Db, edit: TherapyEdit): Promise<void> {
  if (edit.endDate && edit.endDate < edit.startDate) {
    throw new AppError('BAD_INPUT', 'The end date is before the start date.');
  }
  const [row] = await db
    .update(therapyEvents)
    .set({ agent: edit.agent, line: edit.line, startDate: edit.startDate, endDate: edit.endDate })
    .where(eq(therapyEvents.id, edit.id))
    .returning({ patientId: therapyEvents.patientId });
  if (!row) throw new AppError('NOT_FOUND', 'That therapy line no longer exists.');

  await applyBaselineRule(db, row.patientId);
}

export async function deleteTherapyEvent(db: Db, id: string): Promise<void> {
  const [row] = await db
    .delete(therapyEvents)
    .where(eq(therapyEvents.id, id))
    .returning({ patientId: therapyEvents.patientId });
  if (!row) throw new AppError('NOT_FOUND', 'That therapy line no longer exists.');

  await applyBaselineRule(db, row.patientId);
}
