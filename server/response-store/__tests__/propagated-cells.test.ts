/**
 * A follow-up without a segmentation is measured on a mask carried from the scan before:
 * the response rows say so per cell, so the page can ask for a reader's diameter there.
 */
import { describe, expect, it } from 'vitest';

import { buildRows } from '../lesion-rows';
import type { OrganOfMask } from '../organ-regions';
import { followUpOverride, maskOf, timepoints, track } from './hand-built';

const organs = new Map<string, OrganOfMask>([
  [maskOf('L1', 0), { organ: 'liver', node: false }],
]);

function carriedAtFollowUp() {
  const lesion = track('L1', [{ longestMm: 30, shortMm: 20 }, { longestMm: 41, shortMm: 25 }]);
  const followUp = lesion.observations[1]!;
  lesion.observations[1] = {
    ...followUp, source: 'propagated', segmentMaskId: null,
    reviewFlags: ['needs-review'],
  };

  return lesion;
}

describe('response cells measured on a propagated mask', () => {
  it('are marked, and the segmented baseline is not', () => {
    const rows = buildRows({ timepoints, tracks: [carriedAtFollowUp()], organs, overrides: [] });
    const [baseline, followUp] = rows.lesions[0]!.cells;

    expect(baseline?.propagated).toBe(false);
    expect(followUp?.propagated).toBe(true);
    expect(followUp?.valueMm).toBe(41);
  });

  it('take the diameter a reader enters, with the override noted', () => {
    // The cell has no mask of its own: the store keys its override by the lesion's first.
    const override = {
      ...followUpOverride('L1', { kind: 'diameter', diameterMm: 36 }),
      segmentMaskId: maskOf('L1', 0),
    };
    const rows = buildRows({
      timepoints, tracks: [carriedAtFollowUp()], organs, overrides: [override],
    });
    const followUp = rows.lesions[0]!.cells[1]!;

    expect(followUp.valueMm).toBe(36);
    expect(followUp.diameterOverride?.changedBy).toBe('reader');
  });
});
