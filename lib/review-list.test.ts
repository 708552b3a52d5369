import { describe, expect, it } from 'vitest';

import { reviewList, reviewReasons } from './review-list';

const cell = {
  id: 'o1', timepoint: 1, studyDate: '2020-05-26', present: true, source: 'segmentation',
  segmentMaskId: 'm1', confidence: 0.9, reviewFlags: [] as string[],
};

describe('reviewReasons', () => {
  it('lists nothing for a confident segmented link', () => {
    expect(reviewReasons(cell)).toEqual([]);
  });

  it('names a low confidence with its value, once', () => {
    expect(reviewReasons({ ...cell, confidence: 0.31, reviewFlags: ['low-confidence'] }))
      .toEqual(['low confidence 0.31']);
  });

  it('words a propagated mask and its refinement flags as the table does', () => {
    const propagated = { ...cell, source: 'propagated', segmentMaskId: null, confidence: null,
      reviewFlags: ['needs-review', 'refinement-leaked', 'several-parts'] };

    expect(reviewReasons(propagated))
      .toEqual(['propagated', 'refinement leaked', 'several parts']);
  });

  it('keeps a bare needs-review flag (masks left over by a vanish)', () => {
    expect(reviewReasons({ ...cell, reviewFlags: ['needs-review'] })).toEqual(['needs review']);
  });

  it('drops a cell a reader confirmed or decided, whatever its confidence', () => {
    expect(reviewReasons({ ...cell, confidence: 1, reviewFlags: ['confirmed'] })).toEqual([]);
    expect(reviewReasons({ ...cell, confidence: 0.2, reviewFlags: ['manual'] })).toEqual([]);
  });
});

describe('reviewList', () => {
  it('gathers the cells to review in table order with their lesion', () => {
    const lesions = [
      { id: 't1', label: 'L1', observations: [{ ...cell, timepoint: 0 },
        { ...cell, id: 'o2', timepoint: 2, reviewFlags: ['unregistered'] }] },
      { id: 't2', label: 'L2', observations: [
        { ...cell, id: 'o3', timepoint: 0, confidence: 0.4 },
        { ...cell, id: 'o4', timepoint: 1, reviewFlags: ['confirmed'] }] },
    ];

    expect(reviewList(lesions, 0).map((i) => [i.label, i.timepoint, i.reasons])).toEqual([
      ['L1', 2, ['unregistered']],
      ['L2', 0, ['low confidence 0.40']],
    ]);
  });

  it('asks about a lesion first seen after baseline until a reader confirms it', () => {
    const fresh = { ...cell, id: 'o5', timepoint: 2 };
    const later = { ...cell, id: 'o6', timepoint: 3 };

    expect(reviewList([{ id: 't3', label: 'L3', observations: [fresh, later] }], 0)
      .map((i) => [i.observationId, i.reasons])).toEqual([['o5', ['new lesion']]]);
    expect(reviewList([{ id: 't3', label: 'L3', observations: [
      { ...fresh, reviewFlags: ['confirmed'] }, later] }], 0)).toEqual([]);
    // Against a later baseline the same sighting is not new.
    expect(reviewList([{ id: 't3', label: 'L3', observations: [fresh, later] }], 2)).toEqual([]);
  });
});
