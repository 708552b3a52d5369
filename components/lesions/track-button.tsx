'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { ErrorBox } from '@/components/error-box';
import { describeTrackProgress, trackProgressFraction } from '@/lib/track-progress';
import { useTRPC } from '@/lib/trpc';

/** Starts tracking in the server's background and follows its progress. */
export function TrackButton({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery({
    ...trpc.tracking.status.queryOptions({ patientId }),
    refetchInterval: (q) => (isActive(q.state.data?.state) ? 1000 : false),
  });
  const start = useMutation(
    trpc.tracking.start.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.tracking.status.queryKey({ patientId }),
        }),
    }),
  );
  const state = status.data?.state;
  useEffect(() => {
    if (state !== 'done') return;
    void queryClient.invalidateQueries({ queryKey: trpc.tracking.table.queryKey({ patientId }) });
  }, [state, queryClient, trpc, patientId]);

  const p = status.data?.progress;

  return (
    <div className="row">
      <button disabled={isActive(state)} onClick={() => start.mutate({ patientId })}>
        Track lesions
      </button>
      {state === 'queued' && (
        <span className="muted">Waiting for another patient&apos;s tracking to finish...</span>
      )}
      {state === 'running' && p && (
        <>
          <progress aria-label="Tracking progress" max={1} value={trackProgressFraction(p)} />
          <span className="muted">{describeTrackProgress(p)}</span>
        </>
      )}
      {state === 'failed' && <span className="badge bad">{status.data?.error}</span>}
      {start.error && <ErrorBox error={start.error} />}
    </div>
  );
}

function isActive(state: string | undefined): boolean {
  return state === 'queued' || state === 'running';
}
