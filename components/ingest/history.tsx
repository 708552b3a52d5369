'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

export function IngestHistory() {
  const trpc = useTRPC();
  const jobs = useQuery(trpc.ingest.history.queryOptions({ limit: 200 }));
  if (jobs.error) return <ErrorBox error={jobs.error} />;
  if (!jobs.data) return <p className="muted">Loading...</p>;
  if (jobs.data.length === 0) return <p className="muted">Nothing has been ingested yet.</p>;

  return (
    <table className="grid">
      <thead>
        <tr>
          <th>Started</th>
          <th>Source</th>
          <th>Status</th>
          <th>Ingested</th>
          <th>Unchanged</th>
          <th>Rejected</th>
        </tr>
      </thead>
      <tbody>
        {jobs.data.map((j) => (
          <tr key={j.id}>
            <td>
              <Link href={`/ingest/${j.id}`}>{j.createdAt.toLocaleString()}</Link>
            </td>
            <td>{j.source}</td>
            <td>{j.status}</td>
            <td>{j.ingested}</td>
            <td>{j.unchanged}</td>
            <td>{j.rejected}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
