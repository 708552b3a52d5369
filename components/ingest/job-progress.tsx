'use client';

import { useQuery } from '@tanstack/react-query';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

import { OutcomeTable } from './outcome-table';

/** Follows a running job by polling its row until it is done or failed. */
export function JobProgress({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const job = useQuery({
    ...trpc.ingest.job.queryOptions({ jobId }),
    refetchInterval: (q) => (isFinished(q.state.data?.status) ? false : 500),
  });
  const finished = isFinished(job.data?.status);
  const files = useQuery({ ...trpc.ingest.files.queryOptions({ jobId }), enabled: finished });

  if (job.error) return <ErrorBox error={job.error} />;
  if (!job.data) return <p className="muted">Waiting for the job...</p>;
  const p = job.data.progress;

  return (
    <div className="panel" style={{ marginTop: 16 }}>
      <h2 style={{ marginTop: 0 }}>
        Ingest <span className={`badge ${badgeOf(job.data.status)}`}>{job.data.status}</span>
      </h2>
      {p && (
        <div className="row">
          <span>Files read</span>
          <progress aria-label="Files read" max={p.filesTotal || 1} value={p.filesDone} />
          <span className="muted">
            {p.filesDone} / {p.filesTotal}
          </span>
        </div>
      )}
      {p && p.series.length > 0 && (
        <table className="grid small" style={{ marginTop: 8 }}>
          <tbody>
            {p.series.map((s) => (
              <tr key={s.seriesInstanceUid}>
                <td>{s.label}</td>
                <td>
                  {s.error ? (
                    <span className="badge bad">{s.error}</span>
                  ) : s.done ? (
                    <span className="badge ok">stored</span>
                  ) : (
                    <span className="muted">waiting</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {job.data.error && <div className="error">{job.data.error}</div>}
      {finished && (
        <p data-testid="ingest-summary">
          {job.data.ingested} ingested, {job.data.unchanged} unchanged, {job.data.rejected}{' '}
          rejected.
        </p>
      )}
      {files.data && <OutcomeTable rows={files.data} />}
    </div>
  );
}

function isFinished(status: string | undefined): boolean {
  return status === 'done' || status === 'failed';
}

function badgeOf(status: string): string {
  return status === 'done' ? 'ok' : status === 'failed' ? 'bad' : '';
}
