'use client';

import type { ReviewItem } from '@/lib/review-list';

/**
 * The links to review, above the lesion table; choosing one opens it in the review panel
 * as a click on its cell would.
 */
export function ReviewQueue({
  items,
  selectedId,
  onSelect,
}: {
  items: ReviewItem[];
  selectedId: string | null;
  onSelect: (item: ReviewItem) => void;
}) {
  if (items.length === 0) {
    return (
      <p className="muted small" data-testid="review-queue">
        Nothing to review: every link is confident or was decided by a reader.
      </p>
    );
  }

  return (
    <section className="panel" aria-label="To review" data-testid="review-queue">
      <h2 style={{ marginTop: 0 }}>To review ({items.length})</h2>
      <ul className="plain">
        {items.map((item) => (
          <li key={item.observationId}>
            <button
              className={item.observationId === selectedId ? '' : 'secondary'}
              onClick={() => onSelect(item)}
            >
              {item.label} at T{item.timepoint} {item.studyDate}
            </button>{' '}
            <span className="small">{item.reasons.join(' · ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
