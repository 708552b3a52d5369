import { atLeast, exceeds, percentChange, roundTo } from './numbers';
import { checkPartialResponse, checkProgression } from './recist/thresholds';
import type { LesionPoint, LesionTrajectory } from './schema/output';

/**
 * Per-lesion trajectories, independent of the overall category: each lesion's change
 * from its own baseline and its own nadir, classed with the thresholds of the criteria
 * (RECIST: -30% vs baseline responds, +20% and +5 mm vs nadir progresses; PERCIST:
 * 30% and 0.8 SUL either way vs baseline). A mixed response is a scan where some
 * lesions progress while others respond.
 */

export type LesionStatus = LesionPoint['status'];
export type Classifier = (value: number, baseline: number, nadir: number) => LesionStatus;

export interface LesionSeries {
  id: string;
  unit: 'mm' | 'SUL';
  /** One value per timepoint, baseline first; undefined where not evaluated. */
  values: (number | undefined)[];
}

export const classifyRecistLesion: Classifier = (valueMm, baselineMm, nadirMm) => {
  if (checkProgression(valueMm, nadirMm).met) return 'progressing';

  return checkPartialResponse(valueMm, baselineMm).met ? 'responding' : 'stable';
};

/** PERCIST 1.0 thresholds: 30% and 0.8 SUL units, both against baseline. */
export const classifyPercistLesion: Classifier = (value, baseline) => {
  const changePct = percentChange(value, baseline) ?? 0;
  const delta = value - baseline;
  if (exceeds(changePct, 30) && exceeds(delta, 0.8)) return 'progressing';

  return atLeast(-changePct, 30) && atLeast(-delta, 0.8) ? 'responding' : 'stable';
};

function trajectory(series: LesionSeries, dates: string[], classify: Classifier) {
  const baseline = series.values[0];
  let nadir = baseline;
  const points = dates.map((date, i): LesionPoint => {
    const value = series.values[i];
    if (i === 0) return { date, value, status: 'baseline' };
    if (value === undefined || baseline === undefined || nadir === undefined) {
      return { date, value, status: 'not evaluated' };
    }

    const point: LesionPoint = {
      date,
      value,
      changeFromBaselinePct: roundPct(percentChange(value, baseline)),
      changeFromNadirPct: roundPct(percentChange(value, nadir)),
      status: classify(value, baseline, nadir),
    };
    nadir = Math.min(nadir, value);

    return point;
  });

  return { id: series.id, unit: series.unit, points };
}

function roundPct(value: number | undefined): number | undefined {
  return value === undefined ? undefined : roundTo(value, 1);
}

export interface TrajectoryResult {
  lesions: LesionTrajectory[];
  /** Per timepoint (baseline first): whether the response there is mixed. */
  mixed: boolean[];
  notes: string[][];
}

export function buildTrajectories(
  series: LesionSeries[],
  dates: string[],
  classify: Classifier,
): TrajectoryResult {
  const lesions = series.map((s) => trajectory(s, dates, classify));
  const notes: string[][] = [];
  const mixed = dates.map((_, i) => {
    const at = (status: LesionStatus) =>
      lesions.filter((l) => l.points[i]?.status === status).map((l) => l.id);
    const [up, down] = [at('progressing'), at('responding')];
    const isMixed = up.length > 0 && down.length > 0;
    const note = `mixed response: ${up.join(', ')} progressing while ${down.join(', ')} responding`;
    notes.push(isMixed ? [note] : []);

    return isMixed;
  });

  return { lesions, mixed, notes };
}
