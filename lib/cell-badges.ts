/** Which badges a lesion-table cell shows; kept out of the component so it reads plainly. */

export interface CellInput {
  present: boolean;
  source: string;
  confidence: number | null;
  reviewFlags: string[];
}

export interface Badge {
  text: string;
  tone: 'ok' | 'warn' | 'bad' | '';
}

/** Below this the matcher itself asks for review (DEFAULT_MATCH_OPTIONS). */
export const LOW_CONFIDENCE = 0.5;

/** Flags worded for a reader; any other flag shows as it is stored. */
export const FLAG_BADGES: Record<string, Badge> = {
  confirmed: { text: 'confirmed', tone: 'ok' },
  manual: { text: 'manual', tone: 'ok' },
  'needs-review': { text: 'needs review', tone: 'bad' },
  // One lesion seen as two or more separate segments at this timepoint.
  'several-parts': { text: 'several parts', tone: 'warn' },
  // Propagation's refinement grew out of bounds; the carried mask was kept instead.
  'refinement-leaked': { text: 'refinement leaked', tone: 'warn' },
  // The refined mask grew to the edge of the region searched around the carried one.
  'reaches-search-edge': { text: 'may extend further', tone: 'warn' },
  // Refined and carried volumes differ more than twofold.
  'large-volume-change': { text: 'large volume change', tone: 'warn' },
  // Nothing under the carried mask looked like the lesion: it is shown as carried.
  'no-seed': { text: 'not refined', tone: 'bad' },
  // The carried mask fell outside the follow-up scan (no cell is stored then).
  'empty-after-transform': { text: 'outside the scan', tone: 'bad' },
  // A PET outline's threshold region met the growth bound and was cut off there.
  'cut-at-growth-bound': { text: 'cut off', tone: 'warn' },
  // A PET outline on a frame of reference other than the CT's: its position is unsure.
  'other-frame-of-reference': { text: 'other frame', tone: 'bad' },
};

/** Where a present cell's mask came from, when it is not the timepoint's SEG. */
export const SOURCE_BADGES: Record<string, Badge> = {
  propagated: { text: 'propagated', tone: '' },
  threshold: { text: 'PET outline', tone: '' },
};

export function cellBadges(cell: CellInput, isFirst: boolean, isAfterBaseline: boolean): Badge[] {
  const out: Badge[] = [];
  if (!cell.present) return [{ text: 'vanished', tone: 'warn' }];
  if (isFirst && isAfterBaseline) out.push({ text: 'new', tone: 'warn' });
  const source = SOURCE_BADGES[cell.source];
  if (source) out.push(source);
  if (cell.confidence !== null && cell.confidence < LOW_CONFIDENCE) {
    out.push({ text: 'low confidence', tone: 'bad' });
  }
  for (const flag of cell.reviewFlags) {
    if (flag === 'low-confidence') continue;
    out.push(FLAG_BADGES[flag] ?? { text: flag, tone: 'warn' });
  }

  return out;
}
