'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

import { ReviewActions } from './review-actions';
import { TrackSelect } from './track-select';

/** Reviewing the selected observation; every decision is recorded as 'web user'. */
export function ReviewPanel({
  patientId,
  observationId,
  trackId,
  trackLabel,
  hasMask,
  isOutline,
  tracks,
  onDone,
}: {
  patientId: string;
  observationId: string;
  trackId: string;
  trackLabel: string;
  hasMask: boolean;
  /** A reader's PET outline: reviewed like a mask, deleted on its PET series page. */
  isOutline: boolean;
  tracks: { id: string; label: string }[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState('');
  const settle = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({
        queryKey: trpc.tracking.table.queryKey({ patientId }),
      });
      onDone();
    },
  };
  const decide = useMutation(trpc.tracking.decide.mutationOptions(settle));
  const review = useMutation(trpc.tracking.review.mutationOptions(settle));
  const busy = decide.isPending || review.isPending;
  const others = tracks.filter((t) => t.id !== trackId);
  const seen = hasMask || isOutline;
  const panel = useRef<HTMLDivElement>(null);
  // Chosen from the review queue above a long table, the panel may be out of sight. A block
  // body: Chromium's scrollIntoView returns a promise, which React would take for cleanup.
  useEffect(() => {
    void panel.current?.scrollIntoView({ block: 'nearest' });
  }, [observationId]);

  return (
    <div className="panel" ref={panel}>
      <h2 style={{ marginTop: 0 }}>Review {trackLabel}</h2>
      {decide.error && <ErrorBox error={decide.error} />}
      {review.error && <ErrorBox error={review.error} />}
      <div className="row">
        <button
          disabled={!seen || busy}
          onClick={() => decide.mutate({ kind: 'confirm', observationId })}
        >
          Confirm link
        </button>
        <button
          className="secondary"
          disabled={!seen || busy}
          onClick={() => decide.mutate({ kind: 'mark-new', observationId })}
        >
          Mark as new lesion
        </button>
        <TrackSelect label="Move to" tracks={others} value={target} onChange={setTarget} />
        <button
          className="secondary"
          disabled={!seen || !target || busy}
          onClick={() => decide.mutate({ kind: 'relink', observationId, targetTrackId: target })}
        >
          Relink
        </button>
      </div>
      <ReviewActions
        observationId={observationId}
        trackId={trackId}
        hasLesion={seen}
        tracks={tracks}
        busy={busy}
        onReview={(request) => review.mutate(request)}
      />
      {isOutline && (
        <p className="muted small">
          A reader&apos;s PET outline: review it here; delete it on its PET series page.
        </p>
      )}
      {!seen && (
        <p className="muted small">
          This cell has no segmented or outlined lesion: only &quot;vanished&quot; can be
          decided here.
        </p>
      )}
      <p className="muted small">Decisions are kept when the lesions are tracked again.</p>
    </div>
  );
}
