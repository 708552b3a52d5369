'use client';

import {
  CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';

import type { SpiderPlot } from '@/lib/spider-plot';

// Colour-blind safe qualitative palette (Okabe-Ito), cycled over lesions.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

/** Percentage change from baseline per lesion (thin) and of the sum (thick, black). */
export function SpiderChart({ plot }: { plot: SpiderPlot }) {
  if (plot.rows.length < 2) {
    return <p className="muted">The spider plot needs at least one follow-up scan.</p>;
  }

  return (
    <div className="panel">
      <div className="small" style={{ fontWeight: 600 }}>Change from baseline (%)</div>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={plot.rows} margin={{ top: 8, right: 48, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#eef1f4" />
          <XAxis dataKey="day" type="number" domain={['dataMin', 'dataMax']}
            tickFormatter={(d: number) => `day ${d}`} />
          <YAxis domain={plot.domainPct} width={56} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip labelFormatter={(d) => `day ${String(d)}`}
            formatter={(v) => `${String(v)}%`} />
          {plot.referencePct.map((y) => (
            <ReferenceLine key={y} y={y} stroke="#999" strokeDasharray="4 4"
              label={{ value: `${y > 0 ? '+' : ''}${y}%`, position: 'right', fontSize: 11 }} />
          ))}
          {plot.series.map((s, i) => (
            <Line key={s.key} dataKey={s.key} name={s.label} connectNulls
              isAnimationActive={false}
              stroke={s.kind === 'sum' ? '#000' : COLOURS[i % COLOURS.length]}
              strokeWidth={s.kind === 'sum' ? 3 : 1.5} dot={{ r: 3 }} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
