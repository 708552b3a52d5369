/**
 * The links a reader should look at, gathered from the lesion table so that none hides
 * in a wide table: a lesion first seen after baseline (a new lesion is progression under
 * RECIST, so a false one matters), a link the matcher was unsure of, a mask carried from
 * an earlier scan, a lesion seen in several parts, an outline cut off, a timepoint left
 * unregistered. A cell leaves the list once a reader confirms or decides it (flag
 * 'confirmed' or 'manual'), since the decision replaces the automatic flags.
 */
import { FLAG_BADGES, LOW_CONFIDENCE } from './cell-badges';

export interface ReviewCell {
  id: string;
  timepoint: number;
  studyDate: string;
  present: boolean;
  source: string;
  segmentMaskId: string | null;
  confidence: number | null;
  reviewFlags: string[];
}

export interface ReviewItem {
  observationId: string;
  trackId: string;
  label: string;
  timepoint: number;
  studyDate: string;
  /** Why, in the table's words, the most telling first. */
  reasons: string[];
  cell: ReviewCell;
}

const DECIDED = new Set(['confirmed', 'manual']);

export function reviewReasons(cell: ReviewCell, opensNewLesion = false): string[] {
  if (cell.reviewFlags.some((f) => DECIDED.has(f))) return [];
  const reasons: string[] = opensNewLesion ? ['new lesion'] : [];
  if (cell.confidence !== null && cell.confidence < LOW_CONFIDENCE) {
    reasons.push(`low confidence ${cell.confidence.toFixed(2)}`);
  }
  if (cell.present && cell.source === 'propagated') reasons.push('propagated');
  for (const flag of cell.reviewFlags) {
    // Already said by the two above.
    if (flag === 'low-confidence' || flag === 'needs-review') continue;
    reasons.push(FLAG_BADGES[flag]?.text ?? flag);
  }
  if (reasons.length === 0 && cell.reviewFlags.includes('needs-review')) {
    reasons.push(FLAG_BADGES['needs-review']?.text ?? 'needs review');
  }

  return reasons;
}

/**
 * Items in table order: lesion by lesion, each one's timepoints in order. A lesion's
 * first sighting after `baselineIndex` opens a new lesion.
 */
export function reviewList(
  lesions: { id: string; label: string; observations: ReviewCell[] }[],
  baselineIndex: number,
): ReviewItem[] {
  return lesions.flatMap((lesion) => lesion.observations.flatMap((cell) => {
    const first = lesion.observations.find((o) => o.present);
    const reasons = reviewReasons(cell, cell === first && cell.timepoint > baselineIndex);

    return reasons.length === 0 ? [] : [{
      observationId: cell.id, trackId: lesion.id, label: lesion.label,
      timepoint: cell.timepoint, studyDate: cell.studyDate, reasons, cell,
    }];
  }));
}
