'use client';

import { useState } from 'react';

import { TrackSelect } from './track-select';

export interface ReviewRequest {
  kind: 'split' | 'merge' | 'vanish';
  observationId: string;
  otherTrackId?: string;
}

/**
 * Split, merge and vanish buttons for one cell. Split and merge need a lesion seen in the
 * cell (a segment or a reader's outline); vanish can be asked of any cell after the
 * lesion was first seen.
 */
export function ReviewActions({
  observationId,
  trackId,
  hasLesion,
  tracks,
  busy,
  onReview,
}: {
  observationId: string;
  trackId: string;
  hasLesion: boolean;
  tracks: { id: string; label: string }[];
  busy: boolean;
  onReview: (request: ReviewRequest) => void;
}) {
  const [keeper, setKeeper] = useState('');
  const [mergeWith, setMergeWith] = useState('');
  const others = tracks.filter((t) => t.id !== trackId);

  return (
    <div className="row">
      {/* The keeper may be this lesion itself: the other claimant then loses the mask. */}
      <TrackSelect label="Mask belongs to" tracks={tracks} value={keeper} onChange={setKeeper} />
      <button
        className="secondary"
        disabled={!hasLesion || !keeper || busy}
        onClick={() => onReview({ kind: 'split', observationId, otherTrackId: keeper })}
      >
        Split
      </button>
      <TrackSelect label="Merge with" tracks={others} value={mergeWith} onChange={setMergeWith} />
      <button
        className="secondary"
        disabled={!hasLesion || !mergeWith || busy}
        onClick={() => onReview({ kind: 'merge', observationId, otherTrackId: mergeWith })}
      >
        Merge
      </button>
      <button
        className="secondary"
        disabled={busy}
        onClick={() => onReview({ kind: 'vanish', observationId })}
      >
        Mark vanished from this timepoint
      </button>
    </div>
  );
}
