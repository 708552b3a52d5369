import { bestOverallResponse, type BorClass, type BorVocabulary } from '../best-overall';
import type { PercistOverall } from '../categories';
import { roundTo } from '../numbers';
import type { PercistInput, PercistTimepoint } from '../schema/input';
import type { CriteriaResult, TimepointResult } from '../schema/output';
import type { LesionSeries } from '../trajectories';
import { comparabilityWarnings } from './comparability';
import { checkBaselineMeasurable, type BaselineMeasurability } from './measurability';
import { judgeMetabolic } from './metabolic-response';
import { readNonTargets } from './non-targets';

/**
 * PERCIST 1.0 over a series of FDG PET scans, each judged against the baseline. Only the
 * single hottest lesion is graded; non-target lesions come as statuses (see
 * non-targets.ts). The optional sum of up to five lesions and the TLG and "visible
 * increase in extent" routes to PMD are not part of the input and are not assessed.
 */

const PERCIST_CLASS: Record<PercistOverall, BorClass> = {
  CMR: 'CR',
  PMR: 'PR',
  SMD: 'SD',
  PMD: 'PD',
  NE: 'NE',
};

export const PERCIST_VOCABULARY: BorVocabulary<PercistOverall> = {
  classOf: (c) => PERCIST_CLASS[c],
  label: { CR: 'CMR', PR: 'PMR', SD: 'SMD', UPD: 'PMD', PD: 'PMD', NE: 'NE' },
};

function rounded(value: number | undefined, decimals: number): number | undefined {
  return value === undefined ? undefined : roundTo(value, decimals);
}

type PercistResult = TimepointResult & { overall: PercistOverall };

function followUpResult(
  point: PercistTimepoint,
  baseline: PercistTimepoint,
  start: BaselineMeasurability,
): PercistResult {
  const nonTargets = readNonTargets(baseline, point);
  const verdict = judgeMetabolic(point, start.hottest, start.measurable, nonTargets);
  const warnings = comparabilityWarnings(baseline, point);

  return {
    date: point.date,
    sulPeak: verdict.hottest?.sulPeak,
    hottestLesionId: verdict.hottest?.id,
    changeFromBaselinePct: rounded(verdict.changePct, 1),
    changeFromBaselineSul: rounded(verdict.changeSul, 2),
    nonTarget: nonTargets.category,
    newLesions: newLesionState(point),
    overall: verdict.overall,
    warnings,
    trace: [...verdict.trace, ...warnings.map((w) => `warning: ${w}`)],
  };
}

function baselineResult(baseline: PercistTimepoint, start: BaselineMeasurability) {
  const warnings = start.measurable ? [] : [`${start.sentence}; only CMR and PMD can be called`];

  return {
    date: baseline.date,
    sulPeak: start.hottest?.sulPeak,
    hottestLesionId: start.hottest?.id,
    overall: null,
    warnings,
    trace: [start.sentence, ...baselineNonTargets(baseline)],
  } satisfies TimepointResult;
}

function baselineNonTargets(baseline: PercistTimepoint): string[] {
  const ids = baseline.nonTargets.map((n) => n.id);

  return ids.length ? [`non-target lesion(s) followed by status: ${ids.join(', ')}`] : [];
}

export function assessPercist(input: PercistInput): CriteriaResult {
  const [baseline, ...followUps] = input.timepoints;
  if (!baseline) throw new Error('assessPercist needs a baseline; the input schema guarantees one');

  const start = checkBaselineMeasurable(baseline);
  const results = followUps.map((point) => followUpResult(point, baseline, start));
  const bor = bestOverallResponse(
    baseline.date,
    results.map((r) => ({ date: r.date, category: r.overall })),
    PERCIST_VOCABULARY,
    input.confirmation,
  );
  const all: TimepointResult[] = [baselineResult(baseline, start), ...results];

  return {
    criteria: 'percist1.0',
    timepoints: all,
    bestOverallResponse: bor.category,
    bestOverallTrace: bor.trace,
    warnings: all.flatMap((t) => t.warnings.map((w) => `${t.date}: ${w}`)),
  };
}

function newLesionState(point: PercistTimepoint) {
  if (point.newLesions.some((l) => l.unequivocal)) return 'unequivocal' as const;

  return point.newLesions.length > 0 ? ('equivocal' as const) : ('none' as const);
}

/** Each baseline lesion's SULpeak per scan; a lesion not listed was not measured. */
export function percistLesionSeries(input: PercistInput): LesionSeries[] {
  const [baseline] = input.timepoints;
  if (!baseline) return [];

  return baseline.lesions.map((lesion) => ({
    id: lesion.id,
    unit: 'SUL' as const,
    values: input.timepoints.map((t) => t.lesions.find((l) => l.id === lesion.id)?.sulPeak),
  }));
}
