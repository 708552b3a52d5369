/**
 * A patient's decisions and review actions as one list, in the order they were made. An
 * outline whose reader named the lesion it belongs to counts as a relink onto that lesion,
 * made when the outline was drawn.
 */
import { asc, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { lesionDecisions, lesionReviewActions } from '@/db/schema';

import type { DecisionInput } from './apply-decisions';
import type { PatientInputs } from './load-patient';

type Dated = DecisionInput & { decidedAt: Date };

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
  const all: Dated[] = [
    ...decisions.map((d) => ({ kind: d.kind, ...lesionIds(d), timepointIndex: null,
      decidedAt: d.decidedAt })),
    ...actions.map((a) => ({ kind: a.kind, ...lesionIds(a), decidedAt: a.decidedAt,
      timepointIndex: indexOf.get(a.timepointId ?? '') ?? null })),
    ...outlineLinks(inputs),
  ];

  return all.sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
}

/** A stored row names its lesion and partner by mask or by outline (decided-lesion.ts). */
function lesionIds(row: {
  segmentMaskId: string | null; outlineId: string | null;
  withSegmentMaskId: string | null; withOutlineId: string | null;
}) {
  return {
    lesionId: row.segmentMaskId ?? row.outlineId ?? '',
    withLesionId: row.withSegmentMaskId ?? row.withOutlineId,
  };
}

function outlineLinks(inputs: PatientInputs): Dated[] {
  return inputs.timepoints.flatMap((t) => t.outlines).flatMap(({ outline }) => {
    const withLesionId = outline.withSegmentMaskId ?? outline.withOutlineId;

    return withLesionId ? [{ kind: 'relink' as const, lesionId: outline.id, withLesionId,
      timepointIndex: null, decidedAt: outline.createdAt }] : [];
  });
}
