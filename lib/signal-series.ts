/**
 * Turns stored signal values into what one chart draws: per lesion, its points in date
 * order with their changes, and the repeatability band around its baseline value.
 */
import {
  baselineIndex,
  pointChanges,
  repeatabilityBand,
  withinBand,
  type PointChanges,
  type RepeatabilityLimits,
  type ResponseDirection,
} from './signal-chart';
import { dayOf } from './timeline-scale';

export interface StoredValue {
  lesionKey: string;
  signalId: string;
  date: string;
  value: number | null;
  sourceSeriesUid: string | null;
  sourceSeriesType: string | null;
  sourceSeriesDescription: string | null;
  /** Null or absent for a SEG segment; 'propagated' or 'threshold' for a mask tracking made. */
  madeBy?: string | null;
}

/** What a reader is told of a value measured under a propagated mask (table and chart). */
export const PROPAGATED_VALUE_NOTE = 'Measured under a mask carried from an earlier scan ' +
  '(this scan has no segmentation): check it in the lesion table.';

export interface Lesion {
  key: string;
  label: string;
  tracked: boolean;
}

export interface ChartPoint extends PointChanges {
  day: number;
  date: string;
  value: number;
  lesionLabel: string;
  series: string;
  /** Inside the baseline's repeatability band: not a measurable change. */
  withinNoise: boolean;
  /** Measured under a mask carried from an earlier scan, which a reader should check. */
  propagated: boolean;
}

export interface LesionSeries {
  lesion: Lesion;
  points: ChartPoint[];
  band: { low: number; high: number } | null;
}

export interface SignalSpec {
  id: string;
  responseDirection: ResponseDirection;
  repeatability: RepeatabilityLimits;
}

function seriesName(v: StoredValue): string {
  return v.sourceSeriesDescription ?? v.sourceSeriesType ?? v.sourceSeriesUid ?? 'unknown series';
}

export function lesionSeries(
  values: StoredValue[],
  lesions: Lesion[],
  signal: SignalSpec,
  baselineDate?: string,
): LesionSeries[] {
  return lesions.flatMap((lesion) => {
    const own = values
      .filter((v) => v.lesionKey === lesion.key && v.signalId === signal.id && v.value !== null)
      .sort((a, b) => a.date.localeCompare(b.date));
    if (own.length === 0) return [];
    const dated = own.map((v) => ({ date: v.date, value: v.value as number }));
    const changes = pointChanges(dated, signal.responseDirection, baselineDate);
    const base = dated[baselineIndex(dated, baselineDate)];
    const band = base ? repeatabilityBand(base.value, signal.repeatability) : null;

    return [
      {
        lesion,
        band,
        points: own.map((v, n) => ({
          ...changes[n]!,
          day: dayOf(v.date),
          date: v.date,
          value: v.value as number,
          lesionLabel: lesion.label,
          series: seriesName(v),
          withinNoise: withinBand(v.value!, band),
          propagated: v.madeBy === 'propagated',
        })),
      },
    ];
  });
}
