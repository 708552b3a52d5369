import { atLeast, mm, signedMm } from '../numbers';
import type { RecistStep } from '../recist/components';
import { PD_INCREASE_MM } from '../recist/thresholds';
import type { NewLesionSnapshot } from './new-lesion-tracking';

/**
 * The routes from iUPD to iCPD at a later assessment (Seymour et al. 2017, Table 2, and
 * the RECIST working group's iRECIST FAQ). Sums are compared with their value at iUPD,
 * so increases add up over several assessments (4 mm, then 2 mm, confirms).
 */

export interface PendingProgression {
  since: string;
  /** What made RECIST 1.1 progression at iUPD. */
  targetsProgressed: boolean;
  nonTargetsProgressed: boolean;
  targetSumMm?: number;
  nltSumMm: number;
  /** The NLTs identified at iUPD; only their growth confirms, not newcomers' sizes. */
  nltIds: string[];
  knownNewIds: Set<string>;
}

export function pendingFrom(step: RecistStep, lesions: NewLesionSnapshot): PendingProgression {
  return {
    since: step.point.date,
    targetsProgressed: step.target?.category === 'PD',
    nonTargetsProgressed: step.nonTarget?.category === 'PD',
    targetSumMm: step.target?.sumMm,
    nltSumMm: lesions.nltSumMm,
    nltIds: lesions.nltIds,
    knownNewIds: new Set(lesions.ids),
  };
}

function targetRoute(step: RecistStep, pending: PendingProgression): string | undefined {
  const target = step.target;
  if (!target || pending.targetSumMm === undefined) return undefined;

  if (pending.targetsProgressed) {
    const deltaMm = target.sumMm - pending.targetSumMm;
    if (!atLeast(deltaMm, PD_INCREASE_MM)) return undefined;

    return (
      `target sum ${mm(target.sumMm)} is ${signedMm(deltaMm)} over ` +
      `${mm(pending.targetSumMm)} at iUPD (>= 5 mm)`
    );
  }

  return target.category === 'PD' ? 'targets now meet RECIST 1.1 progression too' : undefined;
}

function newLesionRoutes(lesions: NewLesionSnapshot, pending: PendingProgression): string[] {
  const routes: string[] = [];
  const additional = lesions.ids.filter((id) => !pending.knownNewIds.has(id));
  if (additional.length > 0) routes.push(`additional new lesion(s) ${additional.join(', ')}`);

  const nowMm = pending.nltIds.reduce((sum, id) => sum + (lesions.nltSizesMm.get(id) ?? 0), 0);
  const deltaMm = nowMm - pending.nltSumMm;
  if (pending.nltIds.length > 0 && atLeast(deltaMm, PD_INCREASE_MM)) {
    routes.push(
      `new-lesion target sum ${mm(nowMm)} is ${signedMm(deltaMm)} over ` +
        `${mm(pending.nltSumMm)} at iUPD (>= 5 mm)`,
    );
  }

  return routes;
}

/** Reasons that confirm progression; empty when iUPD is not confirmed. */
export function confirmationRoutes(
  step: RecistStep,
  lesions: NewLesionSnapshot,
  pending: PendingProgression,
): string[] {
  const routes: string[] = [];
  const target = targetRoute(step, pending);
  if (target) routes.push(target);
  if (step.nonTarget?.category === 'PD') routes.push('further non-target growth');

  return [...routes, ...newLesionRoutes(lesions, pending)];
}
