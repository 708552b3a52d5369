/**
 * How one lesion's hallmarks changed from its baseline to its latest timepoint, and
 * whether each change is a response, a progression, or lost in measurement noise.
 */
import {
  baselineIndex,
  changeBetween,
  repeatabilityBand,
  withinBand,
  type Change,
  type RepeatabilityLimits,
  type ResponseDirection,
} from './signal-chart';
import type { StoredValue } from './signal-series';

export type ChangeVerdict = 'response' | 'progression' | 'within-noise' | 'no-direction';

export interface SummarySignal {
  id: string;
  name: string;
  hallmark: string;
  responseDirection: ResponseDirection;
  repeatability: RepeatabilityLimits;
}

export interface HallmarkChange {
  hallmark: string;
  signalId: string;
  signalName: string;
  baseline: { date: string; value: number };
  latest: { date: string; value: number };
  change: Change;
  verdict: ChangeVerdict;
}

/**
 * A change inside the baseline's repeatability band is noise whatever its sign; outside
 * it, its sign against the catalogue's response direction decides. A signal without
 * limits has no band, so any change outside zero is read by its sign.
 */
export function changeVerdict(
  baseline: number,
  latest: number,
  signal: Pick<SummarySignal, 'responseDirection' | 'repeatability'>,
): ChangeVerdict {
  if (withinBand(latest, repeatabilityBand(baseline, signal.repeatability))) {
    return 'within-noise';
  }
  if (signal.responseDirection === 'none' || latest === baseline) return 'no-direction';
  const fell = latest < baseline;

  return fell === (signal.responseDirection === 'decrease') ? 'response' : 'progression';
}

/** The lesion's latest date with any measured value; null when it has none. */
export function latestDate(values: StoredValue[]): string | null {
  const dates = values
    .filter((v) => v.value !== null)
    .map((v) => v.date)
    .sort();

  return dates.at(-1) ?? null;
}

function signalChange(
  values: StoredValue[],
  signal: SummarySignal,
  latest: string,
  baselineDate?: string,
): HallmarkChange | null {
  const dated = values
    .filter((v) => v.signalId === signal.id && v.value !== null)
    .map((v) => ({ date: v.date, value: v.value as number }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const base = dated[baselineIndex(dated, baselineDate)];
  const last = dated.find((p) => p.date === latest);
  if (!base || !last || base.date >= last.date) return null;

  return {
    hallmark: signal.hallmark,
    signalId: signal.id,
    signalName: signal.name,
    baseline: base,
    latest: last,
    change: changeBetween(base.value, last.value),
    verdict: changeVerdict(base.value, last.value, signal),
  };
}

/**
 * One entry per hallmark, for one lesion's values: the hallmark's first signal in
 * catalogue order measured both at the lesion's baseline and at its latest timepoint.
 * Known shortcoming: a hallmark with several signals is summarised by that one signal
 * only; the per-signal table beside the bars shows the others.
 */
export function hallmarkChanges(
  lesionValues: StoredValue[],
  catalogue: readonly SummarySignal[],
  baselineDate?: string,
): HallmarkChange[] {
  const latest = latestDate(lesionValues);
  if (latest === null) return [];
  const byHallmark = new Map<string, HallmarkChange>();
  for (const signal of catalogue) {
    if (byHallmark.has(signal.hallmark)) continue;
    const entry = signalChange(lesionValues, signal, latest, baselineDate);
    if (entry) byHallmark.set(signal.hallmark, entry);
  }

  return [...byHallmark.values()];
}
