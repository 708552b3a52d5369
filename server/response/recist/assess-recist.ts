import { bestOverallResponse, type BorVocabulary } from '../best-overall';
import type { RecistOverall } from '../categories';
import type { RecistInput } from '../schema/input';
import type { CriteriaResult, TimepointResult } from '../schema/output';
import { checkBaselineTargets } from './baseline-checks';
import { runRecist, type RecistStep } from './components';
import { baselineResult, componentFields, componentTrace } from './step-result';

/**
 * RECIST 1.1 over a series of assessments. Each follow-up is judged on its own against
 * the baseline and the nadir, so an earlier PR never carries over once PD is met.
 * A reappearance after CR is judged by the same rules only; RECIST's reading that any
 * reappearance after a confirmed CR is PD is not applied.
 */

export const RECIST_VOCABULARY: BorVocabulary<RecistOverall> = {
  classOf: (c) => (c === 'non-CR/non-PD' ? 'SD' : c),
  label: { CR: 'CR', PR: 'PR', SD: 'SD', UPD: 'PD', PD: 'PD', NE: 'NE' },
};

/** Remembers when each new lesion was first seen equivocal, to date a later confirmation. */
function confirmationNotes(step: RecistStep, firstEquivocal: Map<string, string>): string[] {
  const notes: string[] = [];
  for (const id of step.newLesions.counted) {
    const since = firstEquivocal.get(id);
    if (!since) continue;

    notes.push(`new lesion ${id}, equivocal on ${since}, is confirmed: PD dates from ${since}`);
  }
  for (const id of step.newLesions.equivocal) {
    if (!firstEquivocal.has(id)) firstEquivocal.set(id, step.point.date);
  }

  return notes;
}

function followUpResults(steps: RecistStep[]): TimepointResult[] {
  const firstEquivocal = new Map<string, string>();
  let progressedOn: string | undefined;

  return steps.map((step) => {
    const trace = [...componentTrace(step), ...confirmationNotes(step, firstEquivocal)];
    trace.push(`overall ${step.recist.category}: ${step.recist.reason}`);
    if (progressedOn) trace.push(`after PD on ${progressedOn}: shown for reference only`);
    if (step.recist.category === 'PD') progressedOn ??= step.point.date;

    return { ...componentFields(step), overall: step.recist.category, trace };
  });
}

export function assessRecist(input: RecistInput): CriteriaResult {
  const run = runRecist(input);
  const warnings = checkBaselineTargets(run.baseline);
  const followUps = followUpResults(run.steps);
  const bor = bestOverallResponse(
    run.baseline.date,
    run.steps.map((s) => ({ date: s.point.date, category: s.recist.category })),
    RECIST_VOCABULARY,
    input.confirmation,
  );

  return {
    criteria: 'recist1.1',
    timepoints: [baselineResult(run, warnings), ...followUps],
    bestOverallResponse: bor.category,
    bestOverallTrace: bor.trace,
    warnings: warnings.map((w) => `${run.baseline.date}: ${w}`),
  };
}
