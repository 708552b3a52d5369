'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

/**
 * Starts computing signals in the server's background, follows its progress, and reloads
 * the dashboard when the run is done.
 */
export function ComputeSignals({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const statusKey = trpc.signals.status.queryKey({ patientId });
  const status = useQuery({
    ...trpc.signals.status.queryOptions({ patientId }),
    refetchInterval: (q) => (isActive(q.state.data?.state) ? 1000 : false),
  });
  const start = useMutation(
    trpc.signals.start.mutationOptions({
      // A status read still in flight from page load would land after this job and put
      // back "no job", which stops the polling: cancel it first.
      onSuccess: async (job) => {
        await queryClient.cancelQueries({ queryKey: statusKey });
        queryClient.setQueryData(statusKey, job);
      },
    }),
  );
  const state = status.data?.state;

  useEffect(() => {
    if (state !== 'done') return;
    void queryClient.invalidateQueries({
      queryKey: trpc.signals.dashboard.queryKey({ patientId }),
    });
  }, [state, queryClient, trpc, patientId]);

  return (
    <>
      <button disabled={isActive(state) || start.isPending}
        onClick={() => start.mutate({ patientId })}>
        Compute signals
      </button>
      <Progress job={status.data ?? null} />
      {start.error && <ErrorBox error={start.error} />}
      {state === 'failed' && (
        <div className="error" role="alert">{status.data?.error}</div>
      )}
    </>
  );
}

type Job = {
  state: string;
  progress: { timepoint: number; timepoints: number; date: string } | null;
} | null;

function Progress({ job }: { job: Job }) {
  if (!job || !isActive(job.state)) return null;
  const p = job.progress;
  if (job.state === 'queued') {
    return <span className="muted">Waiting for another computation to finish...</span>;
  }
  if (!p) return <span className="muted">Computing signals: reading the patient...</span>;

  return (
    <>
      <progress aria-label="Signals progress" max={p.timepoints} value={p.timepoint - 1} />
      <span className="muted">
        Computing signals: timepoint {p.timepoint} of {p.timepoints} ({p.date})
      </span>
    </>
  );
}

function isActive(state: string | undefined): boolean {
  return state === 'queued' || state === 'running';
}
