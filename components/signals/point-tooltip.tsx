'use client';

import type { Change } from '@/lib/signal-chart';
import { PROPAGATED_VALUE_NOTE, type ChartPoint } from '@/lib/signal-series';

function formatNumber(v: number): string {
  return Math.abs(v) >= 100 || v === 0 ? v.toFixed(1) : v.toPrecision(3);
}

function formatChange(c: Change | null): string {
  if (!c) return '-';
  const sign = c.absolute > 0 ? '+' : '';
  const pct = c.percent === null ? '' : ` (${sign}${c.percent.toFixed(0)}%)`;

  return `${sign}${formatNumber(c.absolute)}${pct}`;
}

interface Props {
  unit: string;
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
}

/** Value, change from baseline and nadir, and the series measured, of the hovered point. */
export function PointTooltip({ unit, active, payload }: Props) {
  const point = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !point) return null;

  return (
    <div className="panel small" style={{ margin: 0, padding: '6px 10px' }}>
      <div>
        <strong>{point.lesionLabel}</strong> {point.date}
      </div>
      <div>
        {formatNumber(point.value)} {unit}
      </div>
      <div>From baseline: {point.fromBaseline ? formatChange(point.fromBaseline) : 'baseline'}</div>
      <div>From nadir: {formatChange(point.fromNadir)}</div>
      {point.fromBaseline && point.withinNoise && (
        <div className="muted">Within repeatability: not a measurable change</div>
      )}
      <div className="muted">Series: {point.series}</div>
      {point.propagated && (
        <div className="muted">{PROPAGATED_VALUE_NOTE}</div>
      )}
    </div>
  );
}
