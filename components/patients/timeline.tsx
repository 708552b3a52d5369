import { timeScale } from '@/lib/timeline-scale';

interface TimelinePoint {
  id: string;
  index: number;
  date: string;
  isBaseline: boolean;
  series: { modality: string; seriesType: string; tracer: string | null }[];
}

interface TherapyBand {
  id: string;
  agent: string;
  line: number;
  startDate: string;
  endDate: string | null;
}

const WIDTH = 1000;
const HEIGHT = 170;
const AXIS_Y = 128;
const PAD_X = 70;

/** Scans as marks on a date axis, with therapy periods drawn as bands behind them. */
export function Timeline(props: { timepoints: TimelinePoint[]; therapy: TherapyBand[] }) {
  const { timepoints, therapy } = props;
  if (timepoints.length === 0 && therapy.length === 0) {
    return <p className="muted">No scans or therapy recorded yet.</p>;
  }
  const lastScan = timepoints.at(-1)?.date;
  const dates = [
    ...timepoints.map((t) => t.date),
    ...therapy.flatMap((t) => [t.startDate, t.endDate ?? lastScan ?? t.startDate]),
  ];
  const scale = timeScale(dates, WIDTH, PAD_X);

  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label="Timeline">
      {therapy.map((t, i) => {
        const x0 = scale.x(t.startDate);
        const x1 = scale.x(t.endDate ?? lastScan ?? t.startDate);
        const y = 8 + (i % 2) * 16;

        return (
          <g key={t.id}>
            <rect
              x={x0}
              y={y}
              width={Math.max(x1 - x0, 3)}
              height={AXIS_Y - y}
              fill="var(--therapy)"
            />
            <text x={x0 + 4} y={y + 12} fontSize="11" fill="var(--accent)">
              Line {t.line}: {t.agent}
              {t.endDate ? '' : ' (ongoing)'}
            </text>
          </g>
        );
      })}
      <line x1={0} x2={WIDTH} y1={AXIS_Y} y2={AXIS_Y} stroke="var(--line)" />
      {scale.ticks.map((tick) => (
        <text
          key={tick.x}
          x={tick.x}
          y={AXIS_Y + 32}
          fontSize="10"
          fill="var(--muted)"
          textAnchor="middle"
        >
          {tick.label}
        </text>
      ))}
      {timepoints.map((t) => (
        <g key={t.id} transform={`translate(${scale.x(t.date)},${AXIS_Y})`}>
          <circle r={t.isBaseline ? 7 : 5} fill={t.isBaseline ? 'var(--ok)' : 'var(--accent)'} />
          {modalitiesOf(t).map((label, i, all) => (
            <text key={label} y={-12 - (all.length - 1 - i) * 12} fontSize="10" textAnchor="middle">
              {label}
            </text>
          ))}
          <text y={18} fontSize="10" textAnchor="middle" fill="var(--muted)">
            {t.isBaseline ? 'baseline' : `T${t.index}`} {t.date}
          </text>
        </g>
      ))}
    </svg>
  );
}

const SHORT_LABEL: Record<string, string> = {
  MR_ADC: 'ADC',
  MR_DCE_KTRANS: 'Ktrans',
  MR_DCE: 'DCE',
};

/** One short line per kind of scan, stacked above the mark so dates stay readable. */
function modalitiesOf(t: TimelinePoint): string[] {
  const labels = t.series
    .filter((s) => s.seriesType !== 'SEG' && s.seriesType !== 'RTSTRUCT')
    .map((s) =>
      s.modality === 'PT' && s.tracer
        ? `${s.tracer} PET`
        : (SHORT_LABEL[s.seriesType] ?? s.seriesType),
    );

  return [...new Set(labels)];
}
