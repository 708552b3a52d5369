import { roundTo } from '../numbers';
import type { TimepointResult } from '../schema/output';
import { baselineSentence } from './baseline-checks';
import type { RecistRun, RecistStep } from './components';

/** The component part of a RECIST or iRECIST timepoint result, shared by both. */

function rounded(value: number | undefined, decimals: number): number | undefined {
  return value === undefined ? undefined : roundTo(value, decimals);
}

export function componentFields(step: RecistStep): Omit<TimepointResult, 'overall' | 'trace'> {
  const target = step.target;

  return {
    date: step.point.date,
    sumMm: rounded(target?.sumMm, 2),
    nadirMm: target ? roundTo(step.nadirMm, 2) : undefined,
    changeFromBaselinePct: rounded(target?.changeFromBaselinePct, 1),
    changeFromNadirPct: rounded(target?.changeFromNadirPct, 1),
    target: target?.category,
    nonTarget: step.nonTarget?.category,
    newLesions: step.newLesions.state,
    warnings: [],
  };
}

export function componentTrace(step: RecistStep): string[] {
  return [
    ...(step.target?.trace ?? []),
    ...(step.nonTarget?.trace ?? []),
    ...step.newLesions.trace,
  ];
}

export function baselineResult(run: RecistRun, warnings: string[]): TimepointResult {
  return {
    date: run.baseline.date,
    sumMm: run.baseline.targets.length > 0 ? roundTo(run.baselineSumMm, 2) : undefined,
    overall: null,
    warnings,
    trace: [baselineSentence(run.baseline, run.baselineSumMm)],
  };
}
