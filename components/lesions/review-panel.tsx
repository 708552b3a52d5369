'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

/** Confirm, relink or mark new the selected observation; recorded as 'web user'. */
export function ReviewPanel({
  patientId,
  observationId,
  trackLabel,
  tracks,
  onDone,
}: {
  patientId: string;
  observationId: string;
  trackLabel: string;
  tracks: { id: string; label: string }[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState('');
  const decide = useMutation(
    trpc.tracking.decide.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({
          queryKey: trpc.tracking.table.queryKey({ patientId }),
        });
        onDone();
      },
    }),
  );
  const others = tracks.filter((t) => t.label !== trackLabel);

  return (
    <div className="panel">
      <h2 style={{ marginTop: 0 }}>Review {trackLabel}</h2>
      {decide.error && <ErrorBox error={decide.error} />}
      <div className="row">
        <button
          disabled={decide.isPending}
          onClick={() => decide.mutate({ kind: 'confirm', observationId })}
        >
          Confirm link
        </button>
        <button
          className="secondary"
          disabled={decide.isPending}
          onClick={() => decide.mutate({ kind: 'mark-new', observationId })}
        >
          Mark as new lesion
        </button>
        <label>
          Move to{' '}
          <select
            aria-label="Target lesion"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">choose a lesion</option>
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button
          className="secondary"
          disabled={!target || decide.isPending}
          onClick={() => decide.mutate({ kind: 'relink', observationId, targetTrackId: target })}
        >
          Relink
        </button>
      </div>
      <p className="muted small">Decisions are kept when the lesions are tracked again.</p>
    </div>
  );
}
