import {
  PROPAGATED_VALUE_NOTE, type ChartPoint, type LesionSeries,
} from '@/lib/signal-series';

export interface SignalRow {
  id: string;
  name: string;
  hallmark: string;
  unit: string;
  series: LesionSeries;
}

function Value({ point }: { point: ChartPoint | undefined }) {
  if (!point) return <span className="muted">-</span>;
  const pct = point.fromBaseline?.percent;
  const change = pct === undefined || pct === null ? ''
    : ` (${pct > 0 ? '+' : ''}${pct.toFixed(0)}%)`;

  return (
    <span className={point.fromBaseline && point.withinNoise ? 'muted' : undefined}
      title={point.fromBaseline && point.withinNoise ? 'Within repeatability' : undefined}>
      {Number(point.value.toPrecision(3))}{change}
      {point.propagated && <span title={PROPAGATED_VALUE_NOTE}>{' '}*</span>}
    </span>
  );
}

/**
 * One row per signal, one column per timepoint: the value and its change from the
 * lesion's baseline, greyed when inside the signal's repeatability.
 */
export function LesionSignalTable({ rows, dates }: { rows: SignalRow[]; dates: string[] }) {
  if (rows.length === 0) return <p className="muted">No signal values for this lesion.</p>;
  const anyPropagated = rows.some((r) => r.series.points.some((p) => p.propagated));

  return (
    <>
      <table className="grid">
        <thead>
          <tr>
            <th>Hallmark</th><th>Signal</th>
            {dates.map((d) => <th key={d}>{d}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.hallmark}</td>
              <td>{r.name} {r.unit && <span className="muted small">({r.unit})</span>}</td>
              {dates.map((d) => (
                <td key={d}><Value point={r.series.points.find((p) => p.date === d)} /></td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {anyPropagated && <p className="muted small">* {PROPAGATED_VALUE_NOTE}</p>}
    </>
  );
}
