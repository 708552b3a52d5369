'use client';

import {
  Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';

import type { ChangeVerdict, HallmarkChange } from '@/lib/lesion-summary';

// Okabe-Ito green and vermilion stay apart for colour-blind readers; grey is noise.
const FILL: Record<ChangeVerdict, string> = {
  'response': '#009E73', 'progression': '#D55E00', 'within-noise': '#bbbbbb',
  'no-direction': '#888888',
};

const WORDS: Record<ChangeVerdict, string> = {
  'response': 'response', 'progression': 'against response',
  'within-noise': 'within repeatability', 'no-direction': 'no response direction',
};

interface Row extends HallmarkChange {
  percent: number;
}

function BarTooltip({ active, payload }: { active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }> }) {
  const row = payload?.[0]?.payload as Row | undefined;
  if (!active || !row) return null;

  return (
    <div className="panel small" style={{ margin: 0, padding: '6px 10px' }}>
      <div><strong>{row.hallmark}</strong>: {row.signalName}</div>
      <div>{row.baseline.date}: {row.baseline.value.toPrecision(3)}</div>
      <div>{row.latest.date}: {row.latest.value.toPrecision(3)}</div>
      <div>{row.percent > 0 ? '+' : ''}{row.percent.toFixed(0)}%, {WORDS[row.verdict]}</div>
    </div>
  );
}

/** Per hallmark, the change in % from the lesion's baseline to its latest timepoint. */
export function HallmarkBars({ changes }: { changes: HallmarkChange[] }) {
  const rows = changes.flatMap((c) =>
    c.change.percent === null ? [] : [{ ...c, percent: c.change.percent }]);
  const undrawn = changes.filter((c) => c.change.percent === null);
  if (changes.length === 0) {
    return <p className="muted">No hallmark was measured both at baseline and since.</p>;
  }

  return (
    <>
      <ResponsiveContainer width="100%" height={48 + rows.length * 32}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#eef1f4" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={(v: number) => `${v}%`} />
          <YAxis type="category" dataKey="hallmark" width={150} tick={{ fontSize: 11 }} />
          <ReferenceLine x={0} stroke="#666" />
          <Tooltip content={<BarTooltip />} cursor={false} />
          <Bar dataKey="percent" isAnimationActive={false}>
            {rows.map((r) => <Cell key={r.hallmark} fill={FILL[r.verdict]} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <p className="small muted">
        {Object.entries(WORDS).map(([verdict, words]) => (
          <span key={verdict} style={{ marginRight: 10, whiteSpace: 'nowrap' }}>
            <span style={{ color: FILL[verdict as ChangeVerdict] }}>■</span> {words}
          </span>
        ))}
      </p>
      {undrawn.length > 0 && (
        <p className="small muted">
          No relative change (baseline value 0): {undrawn.map((c) => c.signalName).join(', ')}.
        </p>
      )}
    </>
  );
}
