'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

import { CatalogueTable } from './catalogue-table';
import { ComputeSignals } from './compute-signals';
import { GrowthTable } from './growth-table';
import { HallmarkCharts } from './hallmark-charts';
import { ReferenceTable } from './reference-table';

export function SignalsDashboard({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const doc = useQuery(trpc.signals.dashboard.queryOptions({ patientId }));
  const catalogue = useQuery(trpc.signals.catalogue.queryOptions());
  const patientHref = `/patients/${encodeURIComponent(patientId)}`;

  return (
    <>
      <p className="small">
        <Link href="/">Patients</Link> / <Link href={patientHref}>{patientId}</Link> /
      </p>
      <h1>Hallmark signals</h1>
      <div className="row" style={{ marginBottom: 12 }}>
        <ComputeSignals patientId={patientId} />
        <a href={`/api/patients/${encodeURIComponent(patientId)}/signals.csv`}>Download CSV</a>
        <a href="#catalogue">Signal catalogue</a>
      </div>
      {doc.error && <ErrorBox error={doc.error} />}
      {catalogue.error && <ErrorBox error={catalogue.error} />}
      {(doc.isPending || catalogue.isPending) && <p className="muted">Loading signals...</p>}
      {doc.data && catalogue.data && (
        <>
          <RunStatus run={doc.data.run} tracked={doc.data.tracked} />
          {doc.data.values.length > 0 && (
            <HallmarkCharts doc={doc.data} catalogue={catalogue.data} />
          )}
          <div className="panel">
            <h2 style={{ marginTop: 0 }}>Growth and new lesions</h2>
            <GrowthTable doc={doc.data} />
          </div>
          <div className="panel">
            <h2 style={{ marginTop: 0 }}>PET references</h2>
            <ReferenceTable references={doc.data.references} />
          </div>
        </>
      )}
      {catalogue.data && (
        <div className="panel" id="catalogue">
          <h2 style={{ marginTop: 0 }}>Signal catalogue</h2>
          <CatalogueTable catalogue={catalogue.data} />
        </div>
      )}
    </>
  );
}

type Run = { computedAt: Date; stale: boolean; staleReason: string | null } | null;

function RunStatus({ run, tracked }: { run: Run; tracked: boolean }) {
  if (!run) {
    return (
      <p className="panel muted">
        No signals computed for this patient yet: press Compute signals (or run
        <code> hallmark signals</code>).
      </p>
    );
  }

  return (
    <p className="small muted">
      Computed {run.computedAt.toLocaleString()}.
      {run.stale && <span className="badge warn">stale: {run.staleReason}</span>}
      {!tracked && ' Lesions are not tracked yet, so each segment is shown as its own points ' +
        'without lines; track the patient to connect a lesion across timepoints.'}
    </p>
  );
}
