import { bestOverallResponse, type BorClass, type BorVocabulary } from '../best-overall';
import type { IrecistOverall, RecistOverall } from '../categories';
import { checkBaselineTargets } from '../recist/baseline-checks';
import { runRecist, type RecistStep } from '../recist/components';
import { baselineResult, componentFields, componentTrace } from '../recist/step-result';
import type { RecistInput } from '../schema/input';
import type { CriteriaResult, TimepointResult } from '../schema/output';
import { confirmationRoutes, pendingFrom, type PendingProgression } from './confirmation';
import { NewLesionTracker, type NewLesionSnapshot } from './new-lesion-tracking';

/**
 * iRECIST (Seymour et al. 2017). RECIST 1.1 progression becomes unconfirmed progression
 * (iUPD); a later assessment confirms it (iCPD) or, by meeting iSD, iPR or iCR against
 * the original baseline and nadir, resets it, after which the next progression starts a
 * new iUPD. New lesions that persist keep iUPD standing: a reset while new lesions remain
 * (the working group allows one when they shrink) is not modelled. After an iUPD driven by
 * non-targets, "present" reads as "no further growth", so that iUPD stands: the input
 * cannot say that a progressed non-target has shrunk back, short of non-target CR.
 */

const TO_IRECIST: Record<RecistOverall, IrecistOverall> = {
  CR: 'iCR',
  PR: 'iPR',
  SD: 'iSD',
  'non-CR/non-PD': 'non-iCR/non-iUPD',
  PD: 'iUPD',
  NE: 'NE',
};

const IRECIST_CLASS: Record<IrecistOverall, BorClass> = {
  iCR: 'CR',
  iPR: 'PR',
  iSD: 'SD',
  'non-iCR/non-iUPD': 'SD',
  iUPD: 'UPD',
  iCPD: 'PD',
  NE: 'NE',
};

export const IRECIST_VOCABULARY: BorVocabulary<IrecistOverall> = {
  classOf: (c) => IRECIST_CLASS[c],
  label: { CR: 'iCR', PR: 'iPR', SD: 'iSD', UPD: 'iUPD', PD: 'iCPD', NE: 'NE' },
};

interface State {
  pending?: PendingProgression;
  confirmedOn?: string;
}

interface Verdict {
  overall: IrecistOverall;
  why: string;
}

function judgeWithoutPending(step: RecistStep, lesions: NewLesionSnapshot, state: State): Verdict {
  const recist = step.recist.category;
  if (recist !== 'PD') return { overall: TO_IRECIST[recist], why: step.recist.reason };

  state.pending = pendingFrom(step, lesions);
  const why = `RECIST 1.1 progression (${step.recist.reason}); confirm at the next assessment`;

  return { overall: 'iUPD', why };
}

function judgePending(
  step: RecistStep,
  lesions: NewLesionSnapshot,
  state: State,
  pending: PendingProgression,
): Verdict {
  const routes = confirmationRoutes(step, lesions, pending);
  if (routes.length > 0) {
    state.confirmedOn = step.point.date;

    return { overall: 'iCPD', why: `confirms iUPD of ${pending.since}: ${routes.join('; ')}` };
  }

  const recist = step.recist.category;
  const nonTargetsHeld =
    pending.nonTargetsProgressed && step.nonTarget?.category === 'non-CR/non-PD';
  if (recist === 'PD' || recist === 'NE' || nonTargetsHeld) {
    return { overall: 'iUPD', why: `iUPD of ${pending.since} stands: neither confirmed nor reset` };
  }

  state.pending = undefined;
  const why =
    `${step.recist.reason}; resets iUPD of ${pending.since}, so the next PD is a new iUPD`;

  return { overall: TO_IRECIST[recist], why };
}

function judge(step: RecistStep, lesions: NewLesionSnapshot, state: State): Verdict {
  if (state.confirmedOn) {
    return { overall: 'iCPD', why: `progression was confirmed on ${state.confirmedOn}` };
  }

  return state.pending
    ? judgePending(step, lesions, state, state.pending)
    : judgeWithoutPending(step, lesions, state);
}

function followUps(steps: RecistStep[]) {
  const tracker = new NewLesionTracker();
  const state: State = {};

  return steps.map((step): TimepointResult & { overall: IrecistOverall } => {
    const counted = step.point.newLesions.filter((l) => step.newLesions.counted.includes(l.id));
    const lesions = tracker.observe(counted);
    const verdict = judge(step, lesions, state);
    const trace = [...componentTrace(step), ...lesions.trace];
    trace.push(`overall ${verdict.overall}: ${verdict.why}`);

    return { ...componentFields(step), overall: verdict.overall, trace };
  });
}

export function assessIrecist(input: RecistInput): CriteriaResult {
  const run = runRecist(input);
  const warnings = checkBaselineTargets(run.baseline);
  const results = followUps(run.steps);
  const bor = bestOverallResponse(
    run.baseline.date,
    results.map((r) => ({ date: r.date, category: r.overall })),
    IRECIST_VOCABULARY,
    input.confirmation,
  );

  return {
    criteria: 'irecist',
    timepoints: [baselineResult(run, warnings), ...results],
    bestOverallResponse: bor.category,
    bestOverallTrace: bor.trace,
    warnings: warnings.map((w) => `${run.baseline.date}: ${w}`),
  };
}
