import type { RecistInput, RecistTimepoint } from '../schema/input';
import { assessNewLesions, type NewLesionAssessment } from './new-lesions';
import { assessNonTargets, type NonTargetAssessment } from './non-target-response';
import { combineOverall, type OverallDecision } from './overall-table';
import { assessTargets, type TargetAssessment } from './target-response';
import { readTargets, sumTargets, type TargetReading } from './target-sum';

/**
 * Runs the RECIST 1.1 components over every follow-up: target response against the
 * baseline sum and the running nadir, non-target response, new lesions and the overall
 * table. iRECIST builds on the same steps.
 */

export interface RecistStep {
  point: RecistTimepoint;
  readings: TargetReading[];
  /** Smallest complete sum before this assessment, baseline included. */
  nadirMm: number;
  target?: TargetAssessment;
  nonTarget?: NonTargetAssessment;
  newLesions: NewLesionAssessment;
  recist: OverallDecision;
}

export interface RecistRun {
  baseline: RecistTimepoint;
  baselineSumMm: number;
  steps: RecistStep[];
}

interface ReferenceSums {
  base: number;
  nadir: number;
}

function step(point: RecistTimepoint, baseline: RecistTimepoint, sums: ReferenceSums): RecistStep {
  const readings = readTargets(baseline.targets, point.targets);
  const target =
    baseline.targets.length > 0 ? assessTargets(readings, sums.base, sums.nadir) : undefined;
  const nonTarget = assessNonTargets(baseline.nonTargets, point.nonTargets);
  const newLesions = assessNewLesions(point.newLesions);
  const recist = combineOverall({
    target: target?.category,
    nonTarget: nonTarget?.category,
    newLesions: newLesions.state,
  });

  return { point, readings, nadirMm: sums.nadir, target, nonTarget, newLesions, recist };
}

export function runRecist(input: RecistInput): RecistRun {
  const [baseline, ...followUps] = input.timepoints;
  if (!baseline) throw new Error('runRecist needs a baseline; the input schema guarantees one');

  const baselineSumMm = sumTargets(readTargets(baseline.targets, baseline.targets)).sumMm;
  let nadirMm = baselineSumMm;
  const steps = followUps.map((point) => {
    const result = step(point, baseline, { base: baselineSumMm, nadir: nadirMm });
    // Only a fully evaluated sum can become the nadir: a partial sum understates it.
    if (result.target?.complete) nadirMm = Math.min(nadirMm, result.target.sumMm);

    return result;
  });

  return { baseline, baselineSumMm, steps };
}
