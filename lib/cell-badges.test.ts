import { describe, expect, it } from 'vitest';

import { PROPAGATE_FLAGS } from '@/server/tracking/propagate-mask';

import { cellBadges, FLAG_BADGES } from './cell-badges';

const cell = { present: true, source: 'segmentation', confidence: 0.9, reviewFlags: [] };

describe('cellBadges', () => {
  it('words the review flags of a propagated cell for the reader', () => {
    const propagated = { ...cell, source: 'propagated',
      reviewFlags: ['needs-review', 'several-parts'] };

    expect(cellBadges(propagated, false, true)).toEqual([
      { text: 'propagated', tone: '' },
      { text: 'needs review', tone: 'bad' },
      { text: 'several parts', tone: 'warn' },
    ]);
  });

  it('has words for every flag a propagation can raise', () => {
    const unworded = PROPAGATE_FLAGS.filter((flag) => !FLAG_BADGES[flag]);

    expect(unworded).toEqual([]);
    expect(cellBadges({ ...cell, source: 'propagated', reviewFlags: ['no-seed'] }, false, true))
      .toContainEqual({ text: 'not refined', tone: 'bad' });
  });

  it('names a PET outline and words its cut-off flag', () => {
    const outline = { ...cell, source: 'threshold', reviewFlags: ['cut-at-growth-bound'] };

    expect(cellBadges(outline, false, true)).toEqual([
      { text: 'PET outline', tone: '' },
      { text: 'cut off', tone: 'warn' },
    ]);
  });

  it('shows an unknown flag as stored', () => {
    expect(cellBadges({ ...cell, reviewFlags: ['split'] }, false, true))
      .toEqual([{ text: 'split', tone: 'warn' }]);
  });

  it('shows only vanished for an absent cell', () => {
    expect(cellBadges({ ...cell, present: false, reviewFlags: ['needs-review'] }, false, true))
      .toEqual([{ text: 'vanished', tone: 'warn' }]);
  });
});
