'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

import { TherapyPanel } from './therapy-panel';
import { Timeline } from './timeline';
import { TimepointTable } from './timepoint-table';

export function PatientPage({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.patients.detail.queryOptions({ patientId }));

  if (detail.error) return <ErrorBox error={detail.error} />;
  if (!detail.data) return <p className="muted">Loading patient...</p>;
  const p = detail.data;

  return (
    <>
      <p className="small">
        <Link href="/">Patients</Link> /
      </p>
      <h1>Patient {p.patientId}</h1>
      <p>
        <Link href={`/patients/${encodeURIComponent(p.patientId)}/lesions`}>Lesion table</Link>
        {' · '}
        <Link href={`/patients/${encodeURIComponent(p.patientId)}/response`}>Response</Link>
        {' · '}
        <Link href={`/patients/${encodeURIComponent(p.patientId)}/signals`}>Hallmark signals</Link>
      </p>
      <p className="muted">
        {[
          p.sex && `Sex ${p.sex}`,
          p.birthYear && `born ${p.birthYear}`,
          p.weightKg && `${p.weightKg} kg`,
          p.arm && `arm ${p.arm}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Timeline</h2>
        <Timeline timepoints={p.timepoints} therapy={p.therapy} />
      </div>
      <div className="panel">
        <h2 style={{ marginTop: 0 }}>Timepoints and series</h2>
        <TimepointTable patientId={p.patientId} timepoints={p.timepoints} />
      </div>
      <TherapyPanel patientId={p.patientId} therapy={p.therapy} />
    </>
  );
}
