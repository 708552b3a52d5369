'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { LesionSignals } from '@/components/signals/lesion-signals';
import { SOURCE_BADGES } from '@/lib/cell-badges';
import {
  baselineCentreMm, centreAtMm, offsetSlice, sliceThrough,
} from '@/lib/lesion-slices';
import { useTRPC } from '@/lib/trpc';

import { LesionSlicePanel } from './lesion-slice-panel';
import { alignmentWarning } from './registration-title';
import { VolumeChart } from './volume-chart';

/**
 * One tracked lesion over time: a CT panel per timepoint centred on the lesion, scrolled
 * together by a shared slice offset, and its volume over the therapy periods.
 */
export function LesionPage({ patientId, trackId }: { patientId: string; trackId: string }) {
  const trpc = useTRPC();
  const table = useQuery(trpc.tracking.table.queryOptions({ patientId }));
  const views = useQuery(trpc.tracking.lesionPanels.queryOptions({ patientId, trackId }));
  const detail = useQuery(trpc.patients.detail.queryOptions({ patientId }));
  const [offset, setOffset] = useState(0);

  const error = table.error ?? views.error ?? detail.error;
  if (error) return <ErrorBox error={error} />;
  if (!table.data || !views.data) return <p className="muted">Loading the lesion...</p>;
  const track = table.data.lesions.find((l) => l.id === trackId);
  const points = table.data.timepoints;
  const baselineIndex = Math.max(0, points.findIndex((t) => t.registration.status === 'baseline'));
  const baselineMm = track ? baselineCentreMm(track.observations, baselineIndex) : null;
  const lesionsHref = `/patients/${encodeURIComponent(patientId)}/lesions`;

  return (
    <>
      <p className="small">
        <Link href="/">Patients</Link> /{' '}
        <Link href={`/patients/${encodeURIComponent(patientId)}`}>{patientId}</Link> /{' '}
        <Link href={lesionsHref}>Lesions</Link> /
      </p>
      <h1>Lesion {views.data.label}</h1>
      <div className="row">
        <label>
          Slice offset{' '}
          <input type="number" aria-label="Slice offset" value={offset}
            onChange={(e) => setOffset(Math.round(Number(e.target.value) || 0))} />
        </label>
        <button className="secondary" onClick={() => setOffset(0)}>Centre on lesion</button>
      </div>
      <div className="row" style={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        {views.data.panels.map((panel) => {
          const observation = track?.observations.find((o) => o.timepoint === panel.timepoint);
          const registration = points[panel.timepoint]?.registration;
          const matrix = registration?.matrix ?? null;
          const centreMm = centreAtMm(observation, baselineMm, matrix);
          const title = `T${panel.timepoint} ${panel.studyDate}`;
          if (!panel.ct || !centreMm) {
            return <p key={panel.timepoint} className="muted">{title}: no CT to show.</p>;
          }
          // Known shortcoming: a panel at the edge of its volume stops while the rest move on.
          const k = offsetSlice(sliceThrough(panel.ct, centreMm), offset, panel.ct.size[2]);

          return (
            <LesionSlicePanel key={panel.timepoint} title={title} ct={panel.ct} k={k}
              warning={registration ? alignmentWarning(registration) : null}
              source={observation?.present ? SOURCE_BADGES[observation.source] : undefined}
              maskId={panel.maskId} onScroll={(delta) => setOffset((o) => o + delta)} />
          );
        })}
      </div>
      <h2>Volume over time</h2>
      <VolumeChart points={track?.observations ?? []} therapy={detail.data?.therapy ?? []} />
      <h2>Signals</h2>
      <LesionSignals patientId={patientId} trackId={trackId} />
    </>
  );
}
