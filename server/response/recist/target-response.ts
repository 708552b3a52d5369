import type { TargetCategory } from '../categories';
import { mm, pct, signedMm } from '../numbers';
import { NODE_PATHOLOGICAL_MM } from './measurability';
import { checkPartialResponse, checkProgression } from './thresholds';
import { sumTargets, type TargetReading } from './target-sum';

/**
 * Target-lesion response at one follow-up (RECIST 1.1, section 4.3.1).
 *
 * Order matters. CR is judged by lesion, not by sum: nodes keep a normal size, so a CR
 * sum is rarely zero, and a node that grows while staying under 10 mm has not
 * "reappeared" (RECIST working group FAQ). PD is judged before PR, against the nadir,
 * so a sum still 30% below baseline is PD when it has risen enough from its lowest point.
 */

export interface TargetAssessment {
  category: TargetCategory;
  sumMm: number;
  /** False when some target was not evaluated; sumMm then covers the evaluated ones. */
  complete: boolean;
  changeFromBaselinePct: number | undefined;
  changeFromNadirPct: number | undefined;
  trace: string[];
}

function isComplete(readings: TargetReading[]): boolean {
  return readings.every((r) => {
    if (r.valueMm === undefined) return false;

    return r.node ? r.valueMm < NODE_PATHOLOGICAL_MM : r.valueMm === 0;
  });
}

function completeResponseSentence(readings: TargetReading[], sumMm: number): string {
  const nodes = readings.filter((r) => r.node && r.valueMm !== undefined);
  const largest = Math.max(0, ...nodes.map((r) => r.valueMm ?? 0));
  const nodeText = nodes.length
    ? `; every target node is under 10 mm short axis (largest ${mm(largest)}), so the sum ` +
      `of ${mm(sumMm)} is no obstacle`
    : '';

  return `CR: every non-nodal target has disappeared${nodeText}`;
}

function progressionSentence(prefix: string, sumMm: number, nadirMm: number): string {
  const check = checkProgression(sumMm, nadirMm);

  return (
    `${prefix} ${mm(sumMm)} is ${pct(check.changePct)} vs nadir ${mm(nadirMm)} and ` +
    `${signedMm(check.deltaMm)} absolute`
  );
}

function partialEvaluation(sumMm: number, missing: string[], nadirMm: number) {
  const lesions = missing.join(', ');
  if (checkProgression(sumMm, nadirMm).met) {
    return {
      category: 'PD' as const,
      trace: [
        `${progressionSentence('PD: the evaluated targets alone sum', sumMm, nadirMm)}; ` +
          `${lesions} (not evaluated) could only add to it`,
      ],
    };
  }

  return {
    category: 'NE' as const,
    trace: [
      `NE: ${lesions} not evaluated, and the evaluated targets (sum ${mm(sumMm)}) ` +
        'do not prove progression on their own',
    ],
  };
}

export function assessTargets(
  readings: TargetReading[],
  baselineSumMm: number,
  nadirMm: number,
): TargetAssessment {
  const { sumMm, notEvaluated } = sumTargets(readings);
  const progression = checkProgression(sumMm, nadirMm);
  const response = checkPartialResponse(sumMm, baselineSumMm);
  const base = {
    sumMm,
    complete: notEvaluated.length === 0,
    changeFromBaselinePct: response.changePct,
    changeFromNadirPct: progression.changePct,
  };
  const notes = readings.filter((r) => r.tooSmall).map(tooSmallSentence);

  const decision = decide(readings, { sumMm, notEvaluated, baselineSumMm, nadirMm });

  return { ...base, category: decision.category, trace: [...notes, ...decision.trace] };
}

function tooSmallSentence(reading: TargetReading): string {
  if (reading.measuredMm === undefined) {
    return `${reading.id} is too small to measure and counts 5 mm, not 0 mm`;
  }

  return `${reading.id} measured ${mm(reading.measuredMm)}: too small to measure, counted as 5 mm`;
}

interface Sums {
  sumMm: number;
  notEvaluated: string[];
  baselineSumMm: number;
  nadirMm: number;
}

function decide(readings: TargetReading[], s: Sums) {
  if (s.notEvaluated.length > 0) return partialEvaluation(s.sumMm, s.notEvaluated, s.nadirMm);
  if (isComplete(readings)) {
    return { category: 'CR' as const, trace: [completeResponseSentence(readings, s.sumMm)] };
  }

  const progression = checkProgression(s.sumMm, s.nadirMm);
  if (progression.met) {
    return { category: 'PD' as const, trace: [progressionSentence('PD: sum', s.sumMm, s.nadirMm)] };
  }

  const trace: string[] = [];
  if (progression.percentMet) {
    trace.push(
      `${progressionSentence('not PD: sum', s.sumMm, s.nadirMm)}; PD also needs >= 5 mm absolute`,
    );
  }
  const response = checkPartialResponse(s.sumMm, s.baselineSumMm);
  const vsBaseline =
    `sum ${mm(s.sumMm)} is ${pct(response.changePct)} vs baseline ${mm(s.baselineSumMm)}`;
  if (response.met) {
    const risen = s.sumMm > s.nadirMm
      ? `; it has risen from the nadir of ${mm(s.nadirMm)}, but PR is measured against baseline`
      : '';

    return { category: 'PR' as const, trace: [...trace, `PR: ${vsBaseline}${risen}`] };
  }

  trace.push(
    `SD: ${vsBaseline} and ${pct(progression.changePct)} vs nadir ${mm(s.nadirMm)}; ` +
      'neither PR (-30% vs baseline) nor PD',
  );

  return { category: 'SD' as const, trace };
}
