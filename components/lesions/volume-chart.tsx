'use client';

import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { therapyBands, type TherapyPeriod } from '@/components/charts/therapy-bands';
import { dayDomain, dayLabel } from '@/lib/signal-chart';
import { dayOf } from '@/lib/timeline-scale';

export interface VolumePoint {
  studyDate: string;
  volumeMl: number | null;
}

/** The lesion's volume at each scan, over the therapy periods as shaded bands. */
export function VolumeChart({
  points,
  therapy,
}: {
  points: VolumePoint[];
  therapy: TherapyPeriod[];
}) {
  const data = points.flatMap((p) =>
    p.volumeMl === null ? [] : [{ day: dayOf(p.studyDate), volumeMl: p.volumeMl }],
  );
  const dates = [...points.map((p) => p.studyDate), ...therapy.map((t) => t.startDate)];
  const lastDate = points.at(-1)?.studyDate ?? '';
  if (data.length === 0) return <p className="muted">No measured volume to chart.</p>;

  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="#eef1f4" />
        <XAxis
          type="number"
          dataKey="day"
          domain={dayDomain(dates)}
          tickFormatter={dayLabel}
          tick={{ fontSize: 11 }}
          allowDataOverflow
        />
        <YAxis
          dataKey="volumeMl"
          width={52}
          tick={{ fontSize: 11 }}
          label={{ value: 'ml', angle: -90, position: 'insideLeft', fontSize: 11 }}
        />
        {therapyBands(therapy, lastDate, { labelled: true })}
        <Tooltip
          labelFormatter={(day) => dayLabel(Number(day))}
          formatter={(v) => [`${Number(v).toFixed(2)} ml`, 'Volume']}
        />
        <Line type="linear" dataKey="volumeMl" stroke="#0072B2" isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
