'use client';

import { useState } from 'react';

import { lesionSeries } from '@/lib/signal-series';
import type { SignalDefinition } from '@/server/signals';
import type { SignalsDocument } from '@/server/signals-store';

import { byHallmark, LIVER, referenceValues } from './chart-inputs';
import { SignalChart } from './signal-chart';

const GRID = { display: 'grid', gap: 12,
  gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' } as const;

interface Props {
  doc: SignalsDocument;
  catalogue: readonly SignalDefinition[];
}

/** One small chart per signal, grouped under its hallmark, in catalogue order. */
export function HallmarkCharts({ doc, catalogue }: Props) {
  const values = [...doc.values, ...referenceValues(doc)];
  const lesions = [...doc.lesions, LIVER];
  const dates = doc.timepoints.map((t) => t.date);
  const baselineDate = doc.timepoints.find((t) => t.isBaseline)?.date ?? dates[0];
  const [bandKey, setBandKey] = useState<string | null>(doc.lesions[0]?.key ?? null);

  return (
    <>
      <div className="row small">
        <label>
          Repeatability band (grey) around the baseline of{' '}
          <select value={bandKey ?? ''} onChange={(e) => setBandKey(e.target.value || null)}>
            <option value="">no lesion</option>
            {doc.lesions.map((l) => <option key={l.key} value={l.key}>{l.label}</option>)}
          </select>
        </label>
        <span className="muted">
          A follow-up inside the band is within measurement noise. Blue shading: therapy.
        </span>
      </div>
      {byHallmark(catalogue).map(([hallmark, signals]) => {
        const drawn = signals.map((s) => ({ s, lines: lesionSeries(values, lesions, s,
          baselineDate) }));
        const empty = drawn.filter((d) => d.lines.length === 0).map((d) => d.s.name);

        return (
          <section key={hallmark}>
            <h2 style={{ textTransform: 'capitalize' }}>{hallmark}</h2>
            <div style={GRID}>
              {drawn.filter((d) => d.lines.length > 0).map(({ s, lines }) => (
                <SignalChart key={s.id} title={s.name} unit={s.unit} lines={lines}
                  bandLesionKey={bandKey} therapy={doc.therapy} dates={dates} />
              ))}
            </div>
            {empty.length > 0 && (
              <p className="small muted">No values for this patient: {empty.join(', ')}.</p>
            )}
          </section>
        );
      })}
    </>
  );
}
