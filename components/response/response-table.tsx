'use client';

import { LesionRow } from './lesion-row';
import type { PatientResponseData, TimepointResultData } from './types';
import { useOverride } from './use-override';

const CATEGORY_TONE: Record<string, string> = {
  CR: 'ok', PR: 'ok', iCR: 'ok', iPR: 'ok', CMR: 'ok', PMR: 'ok',
  PD: 'bad', iUPD: 'warn', iCPD: 'bad', PMD: 'bad', NE: 'warn',
};

function pct(value: number | undefined): string {
  return value === undefined ? '–' : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

/** Lesions by timepoint with the reader's controls, then the per-scan results. */
export function ResponseTable({ data }: { data: PatientResponseData }) {
  const override = useOverride(data.patientId);
  const points = data.result.timepoints;
  const footer: [string, (p: TimepointResultData) => string][] = [
    ['Sum of targets', (p) => (p.sumMm === undefined ? '–' : `${p.sumMm.toFixed(1)} mm`)],
    ['From baseline', (p) => pct(p.changeFromBaselinePct)],
    ['From nadir', (p) => pct(p.changeFromNadirPct)],
  ];

  return (
    <table className="grid">
      <thead>
        <tr>
          <th>Lesion</th>
          {data.timepoints.map((t) => (
            <th key={t.id}>
              {t.date} {t.isBaseline && <span className="badge">baseline</span>}
              <label className="small" style={{ display: 'block', textTransform: 'none' }}>
                <input
                  type="checkbox"
                  checked={t.evaluated}
                  disabled={override.isPending}
                  onChange={(e) => override.mutate({ patientId: data.patientId,
                    kind: 'timepoint', timepointId: t.id,
                    value: e.target.checked ? null : { kind: 'timepoint', evaluated: false } })}
                />{' '}
                evaluated
              </label>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.lesions.map((lesion) => (
          <LesionRow key={lesion.trackId} patientId={data.patientId} lesion={lesion}
            timepoints={data.timepoints} override={override} />
        ))}
        {data.criteria !== 'percist1.0' && footer.map(([label, show]) => (
          <tr key={label}>
            <th>{label}</th>
            {points.map((p) => <td key={p.date}>{show(p)}</td>)}
          </tr>
        ))}
        <tr>
          <th>Category</th>
          {points.map((p) => (
            <td key={p.date} title={[...p.trace, ...p.warnings].join('\n')}>
              <span className={`badge ${CATEGORY_TONE[p.overall ?? ''] ?? ''}`}>
                {p.overall ?? 'baseline'}
              </span>
              {p.mixedResponse && <span className="badge warn">mixed</span>}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
