/**
 * Spider plot maths: per lesion, and for the sum of targets, the percentage change from
 * its own baseline at each scan, placed by days since the baseline. The reference lines
 * are the RECIST 1.1 thresholds (-30% partial response; +20% progression, which RECIST
 * measures from the nadir, so the line is a guide, not the rule); PERCIST uses +/-30%.
 */

import { daysBetween } from './dates';

export interface SpiderSeriesInput {
  id: string;
  /** One value per date, baseline first; undefined where not measured. */
  values: (number | undefined)[];
}

export interface SpiderInput {
  dates: string[];
  lesions: SpiderSeriesInput[];
  /** The sum of target diameters per date, when the criteria have one. */
  sums?: (number | undefined)[];
  referencePct?: number[];
}

export interface SpiderSeries {
  key: string;
  label: string;
  kind: 'lesion' | 'sum';
}

/** One point in time: `day` and `date`, then one percentage per series key. */
export type SpiderRow = { day: number; date: string } & Record<string, number | string | null>;

export interface SpiderPlot {
  rows: SpiderRow[];
  series: SpiderSeries[];
  domainPct: [number, number];
  referencePct: number[];
}

export const RECIST_REFERENCE_PCT = [-30, 20];
export const PERCIST_REFERENCE_PCT = [-30, 30];
const SUM_KEY = 'sum';

/** Change from baseline in percent; undefined without a positive baseline. */
export function changePct(value: number | undefined, baseline: number | undefined) {
  if (value === undefined || baseline === undefined || baseline <= 0) return undefined;

  return ((value - baseline) / baseline) * 100;
}

export function daysSince(baselineDate: string, date: string): number {
  return daysBetween(baselineDate, date);
}

/** Widens to whole tens around every value and the reference lines; never below -100%. */
export function percentDomain(values: number[], referencePct: number[]): [number, number] {
  const all = [...values, ...referencePct, 0];
  const low = Math.floor(Math.min(...all) / 10) * 10;
  const high = Math.ceil(Math.max(...all) / 10) * 10;

  return [Math.max(-100, low), high];
}

export function spiderPlot(input: SpiderInput): SpiderPlot {
  const referencePct = input.referencePct ?? RECIST_REFERENCE_PCT;
  const series: SpiderSeries[] = input.lesions.map((l) => ({
    key: `lesion:${l.id}`,
    label: l.id,
    kind: 'lesion' as const,
  }));
  const all = [...input.lesions];
  if (input.sums) {
    series.push({ key: SUM_KEY, label: 'Sum of targets', kind: 'sum' });
    all.push({ id: SUM_KEY, values: input.sums });
  }
  const changes = all.map((s) => s.values.map((v) => changePct(v, firstMeasured(s.values))));
  const first = input.dates[0] ?? '';
  const rows = input.dates.map((date, i) => {
    const row: SpiderRow = { day: daysSince(first, date), date };
    series.forEach((s, n) => {
      row[s.key] = roundPct(changes[n]![i]);
    });

    return row;
  });
  const values = changes.flat().filter((v): v is number => v !== undefined);

  return { rows, series, domainPct: percentDomain(values, referencePct), referencePct };
}

/** A lesion first seen after the baseline is followed from its first measurement. */
function firstMeasured(values: (number | undefined)[]): number | undefined {
  return values.find((v) => v !== undefined);
}

function roundPct(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 10) / 10;
}
