'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

export function PatientList() {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [armId, setArmId] = useState('');
  const arms = useQuery(trpc.patients.arms.queryOptions());
  const patients = useQuery(
    trpc.patients.list.queryOptions({ search: search || undefined, armId: armId || undefined }),
  );

  return (
    <div className="panel">
      <div className="row" style={{ marginBottom: 12 }}>
        <input
          aria-label="Search patients"
          placeholder="Search patient id"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select aria-label="Arm" value={armId} onChange={(e) => setArmId(e.target.value)}>
          <option value="">All cohorts and arms</option>
          {arms.data?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.cohort}: {a.name}
            </option>
          ))}
        </select>
        {patients.data && <span className="muted">{patients.data.length} patients</span>}
      </div>
      {patients.error && <ErrorBox error={patients.error} />}
      {patients.isLoading && <p className="muted">Loading patients...</p>}
      {patients.data?.length === 0 && (
        <p className="muted">
          No patients {search || armId ? 'match this filter' : 'yet'}.{' '}
          {!search && !armId && <Link href="/ingest">Ingest scans</Link>}
        </p>
      )}
      {patients.data && patients.data.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>Patient</th>
              <th>Cohort / arm</th>
              <th>Sex</th>
              <th>Born</th>
              <th>Timepoints</th>
              <th>Last scan</th>
            </tr>
          </thead>
          <tbody>
            {patients.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/patients/${encodeURIComponent(p.patientId)}`}>{p.patientId}</Link>
                </td>
                <td>{p.arm ? `${p.cohort}: ${p.arm}` : <span className="muted">none</span>}</td>
                <td>{p.sex ?? ''}</td>
                <td>{p.birthYear ?? ''}</td>
                <td>{p.timepointCount}</td>
                <td>{p.lastScanDate ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
