/** A patient's decisions and review actions as one list, in the order they were made. */
import { asc, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { lesionDecisions, lesionReviewActions } from '@/db/schema';

import type { DecisionInput } from './apply-decisions';
import type { PatientInputs } from './load-patient';

export async function loadDecisions(db: Db, inputs: PatientInputs): Promise<DecisionInput[]> {
  const [decisions, actions] = await Promise.all([
    db.select().from(lesionDecisions)
      .where(eq(lesionDecisions.patientId, inputs.patientRowId))
      .orderBy(asc(lesionDecisions.decidedAt)),
    db.select().from(lesionReviewActions)
      .where(eq(lesionReviewActions.patientId, inputs.patientRowId))
      .orderBy(asc(lesionReviewActions.decidedAt)),
  ]);
  const indexOf = new Map(inputs.timepoints.map((t) => [t.id, t.index]));
  const all = [
    ...decisions.map((d) => ({ ...d, timepointIndex: null })),
    ...actions.map((a) => ({ ...a, timepointIndex: indexOf.get(a.timepointId ?? '') ?? null })),
  ];

  return all.sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
}
