'use client';

import {
  CartesianGrid,
  ReferenceArea,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { therapyBands, type TherapyPeriod } from '@/components/charts/therapy-bands';
import { dayDomain, dayLabel, niceDomain, valueDomain } from '@/lib/signal-chart';
import type { ChartPoint, LesionSeries } from '@/lib/signal-series';

import { PointTooltip } from './point-tooltip';

// Colour-blind safe qualitative palette (Okabe-Ito), cycled over lesions.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

interface Props {
  title: string;
  unit: string;
  lines: LesionSeries[];
  /** The lesion whose baseline repeatability band is drawn; one band keeps it readable. */
  bandLesionKey: string | null;
  therapy: TherapyPeriod[];
  dates: string[];
}

/** One signal over time: a line per tracked lesion, therapy bands, baseline noise bands. */
export function SignalChart({ title, unit, lines, bandLesionKey, therapy, dates }: Props) {
  const lastDate = dates.at(-1) ?? '';
  const xDomain = dayDomain([
    ...dates,
    ...therapy.flatMap((t) => [t.startDate, t.endDate ?? lastDate]),
  ]);
  // A chart of one line (the liver sphere) bands that line whatever lesion is chosen.
  const banded = lines.length === 1 ? lines[0] : lines.find((l) => l.lesion.key === bandLesionKey);
  const band = banded?.band ?? null;
  const y = niceDomain(
    valueDomain([
      ...lines.flatMap((l) => l.points.map((p) => p.value)),
      ...(band ? [band.low, band.high] : []),
    ]),
  );

  return (
    <div className="panel" style={{ marginBottom: 0 }}>
      <div className="small" style={{ fontWeight: 600 }}>
        {title} {unit && <span className="muted">({unit})</span>}
      </div>
      <ResponsiveContainer width="100%" height={190}>
        <ScatterChart margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#eef1f4" />
          <XAxis
            type="number"
            dataKey="day"
            domain={xDomain}
            tickFormatter={dayLabel}
            tick={{ fontSize: 11 }}
            allowDataOverflow
          />
          <YAxis
            type="number"
            dataKey="value"
            domain={y.domain}
            ticks={y.ticks}
            width={52}
            tick={{ fontSize: 11 }}
            tickFormatter={(v: number) => Number(v.toPrecision(3)).toString()}
            allowDataOverflow
          />
          {therapyBands(therapy, lastDate, { labelled: false })}
          {band && (
            <ReferenceArea
              y1={band.low}
              y2={band.high}
              fill="#888"
              fillOpacity={0.18}
              ifOverflow="hidden"
            />
          )}
          <Tooltip content={<PointTooltip unit={unit} />} cursor={false} />
          {lines.map((l, n) => (
            <Scatter
              key={l.lesion.key}
              name={l.lesion.label}
              data={l.points}
              fill={COLOURS[n % COLOURS.length]}
              line={l.lesion.tracked}
              lineType="joint"
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
      <Legend lines={lines} />
    </div>
  );
}

function Legend({ lines }: { lines: LesionSeries[] }) {
  return (
    <div className="small muted">
      {lines.map((l, n) => (
        <span key={l.lesion.key} style={{ marginRight: 10, whiteSpace: 'nowrap' }}>
          <span style={{ color: COLOURS[n % COLOURS.length] }}>●</span> {l.lesion.label}
        </span>
      ))}
    </div>
  );
}

export type { ChartPoint };
