'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';

import { ErrorBox } from '@/components/error-box';
import { hallmarkChanges } from '@/lib/lesion-summary';
import { lesionSeries } from '@/lib/signal-series';
import { useTRPC } from '@/lib/trpc';
import type { SignalDefinition } from '@/server/signals';
import type { SignalsDocument } from '@/server/signals-store';

import { chartable } from './chart-inputs';
import { HallmarkBars } from './hallmark-bars';
import { LesionSignalTable, type SignalRow } from './lesion-signal-table';

function lesionView(doc: SignalsDocument, catalogue: readonly SignalDefinition[], key: string) {
  const lesion = doc.lesions.find((l) => l.key === key);
  const values = doc.values.filter((v) => v.lesionKey === key);
  const baselineDate = doc.timepoints.find((t) => t.isBaseline)?.date;
  const signals = catalogue.filter(chartable);
  const rows: SignalRow[] = lesion ? signals.flatMap((s) => lesionSeries(values, [lesion], s,
    baselineDate).map((series) => ({ ...s, series }))) : [];

  return { lesion, rows, changes: hallmarkChanges(values, signals, baselineDate),
    dates: [...new Set(values.map((v) => v.date))].sort() };
}

/**
 * The lesion's signals from the patient's signals document: a table of every signal per
 * timepoint and bars of each hallmark's change since baseline. The whole patient document
 * is fetched and filtered here; a track-scoped query would send less.
 */
export function LesionSignals({ patientId, trackId }: { patientId: string; trackId: string }) {
  const trpc = useTRPC();
  const doc = useQuery(trpc.signals.dashboard.queryOptions({ patientId }));
  const catalogue = useQuery(trpc.signals.catalogue.queryOptions());
  const error = doc.error ?? catalogue.error;
  if (error) return <ErrorBox error={error} />;
  if (!doc.data || !catalogue.data) return <p className="muted">Loading signals...</p>;
  const view = lesionView(doc.data, catalogue.data, trackId);
  if (!view.lesion) {
    return (
      <p className="muted">
        No signals stored for this lesion: compute signals on the{' '}
        <Link href={`/patients/${encodeURIComponent(patientId)}/signals`}>signals page</Link>
        {' '}after tracking.
      </p>
    );
  }

  return (
    <>
      {doc.data.run?.stale && <p className="badge warn">stale: {doc.data.run.staleReason}</p>}
      <h3>Change since baseline, per hallmark</h3>
      <HallmarkBars changes={view.changes} />
      <h3>Every signal over time</h3>
      <LesionSignalTable rows={view.rows} dates={view.dates} />
    </>
  );
}
