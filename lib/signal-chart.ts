/**
 * Maths of the signal charts, kept out of the components so it can be tested: change of
 * each point from the lesion's baseline and nadir, the repeatability band around the
 * baseline, and the axis domains.
 */
import { DAY_MS, dayOf } from './dates';

export type ResponseDirection = 'decrease' | 'increase' | 'none';

export interface DatedValue {
  date: string;
  value: number;
}

export interface Change {
  absolute: number;
  /** Null when the reference value is 0 (no relative change is defined). */
  percent: number | null;
}

export interface PointChanges {
  fromBaseline: Change | null;
  /** The best earlier value since baseline; null at and before the baseline. */
  nadir: number | null;
  fromNadir: Change | null;
}

export function changeBetween(from: number, to: number): Change {
  const absolute = to - from;

  return { absolute, percent: from === 0 ? null : (absolute / Math.abs(from)) * 100 };
}

/**
 * Index of the lesion's baseline point: the one at the patient's baseline date, else the
 * first after it (a lesion first seen later), else the first point of all.
 */
export function baselineIndex(points: DatedValue[], baselineDate?: string): number {
  if (!baselineDate) return points.length ? 0 : -1;
  const at = points.findIndex((p) => p.date >= baselineDate);

  return at >= 0 ? at : points.length ? 0 : -1;
}

/**
 * Points in date order. The nadir is the lowest earlier value from baseline on (the
 * highest when response means an increase, as for doubling time), the PERCIST sense.
 */
export function pointChanges(
  points: DatedValue[],
  direction: ResponseDirection,
  baselineDate?: string,
): PointChanges[] {
  const b = baselineIndex(points, baselineDate);
  const base = points[b];
  const best = direction === 'increase' ? Math.max : Math.min;

  return points.map((p, n) => {
    if (!base) return { fromBaseline: null, nadir: null, fromNadir: null };
    const earlier = n > b ? points.slice(b, n).map((q) => q.value) : [];
    const nadir = earlier.length ? best(...earlier) : null;

    return {
      fromBaseline: n === b ? null : changeBetween(base.value, p.value),
      nadir,
      fromNadir: nadir === null ? null : changeBetween(nadir, p.value),
    };
  });
}

export interface RepeatabilityLimits {
  relativePercent: { decrease: number; increase: number } | null;
  absolute: number | null;
}

/**
 * Values a follow-up can take without a real change: a change must exceed every bound
 * given (see the catalogue), so the band reaches to the wider of the two limits.
 */
export function repeatabilityBand(baseline: number, r: RepeatabilityLimits) {
  if (!r.relativePercent && r.absolute === null) return null;
  const rel = r.relativePercent;
  const downBy = Math.max(rel ? (Math.abs(baseline) * rel.decrease) / 100 : 0, r.absolute ?? 0);
  const upBy = Math.max(rel ? (Math.abs(baseline) * rel.increase) / 100 : 0, r.absolute ?? 0);

  return { low: baseline - downBy, high: baseline + upBy };
}

export function withinBand(value: number, band: { low: number; high: number } | null) {
  return band !== null && value >= band.low && value <= band.high;
}

/**
 * Y domain over the values and the band edges, padded by 8% of the span (not below 0
 * when no value is negative); a flat series
 * gets +-10% of its value (or +-1 at zero) so its line does not sit on the frame.
 */
export function valueDomain(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const [low, high] = [Math.min(...finite), Math.max(...finite)];
  const span = high - low;
  if (span === 0) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;

    return [low - pad, high + pad];
  }

  // Non-negative signals (volumes, SUVs, fractions) keep their axis from going below 0.
  return [low >= 0 ? Math.max(0, low - span * 0.08) : low - span * 0.08, high + span * 0.08];
}

/** X domain in days since 1970 over scans and therapy, with a few days either side. */
export function dayDomain(dates: string[], padDays = 7): [number, number] {
  const days = dates.map(dayOf).filter(Number.isFinite);
  if (days.length === 0) return [0, 1];

  return [Math.min(...days) - padDays, Math.max(...days) + padDays];
}

export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toLocaleString('en', {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
}

/**
 * Rounds a domain outward to multiples of a 1-2-5 step that gives about `intervals`
 * intervals, so axis ticks read 0, 5, 10 rather than 1.97, 7.97.
 */
export function niceDomain([low, high]: [number, number], intervals = 4) {
  const raw = (high - low) / intervals;
  if (!(raw > 0) || !Number.isFinite(raw)) return { domain: [low, high], ticks: [low, high] };
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9))!;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  // Multiplying integers by the step (rather than adding steps) keeps 0.1 + 0.2 errors out.
  const ticks = Array.from({ length: last - first + 1 }, (_, n) =>
    Number(((first + n) * step).toPrecision(12)),
  );

  return { domain: [ticks[0]!, ticks.at(-1)!] as [number, number], ticks };
}
