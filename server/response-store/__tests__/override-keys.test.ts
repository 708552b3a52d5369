/**
 * A lesion-wide override (role, organ) is keyed by one of the lesion's masks, possibly
 * one from a scan before the baseline the reader later chose: it must still be found.
 */
import { describe, expect, it } from 'vitest';

import { buildRows } from '../lesion-rows';
import type { StoredOverride } from '../overrides';
import { timepoints, track } from './hand-built';

const l1 = track('L1', [{ longestMm: 30, shortMm: 20 }, { longestMm: 28, shortMm: 19 }]);

function roleOverride(mask: string): StoredOverride {
  return {
    id: 'override-role', patientId: 'patient-row', kind: 'role', segmentMaskId: mask,
    timepointId: null, value: { kind: 'role', role: 'non-target' }, changedBy: 'reader',
    changedAt: new Date('2024-03-02T10:00:00Z'),
  };
}

describe('lesion-wide overrides', () => {
  it('are found by a mask of a scan before the assessed baseline', () => {
    const earlier = { ...l1, maskIds: ['mask-L1-earlier', 'mask-L1-0', 'mask-L1-1'] };
    const rows = buildRows({
      timepoints, tracks: [earlier], organs: new Map(),
      overrides: [roleOverride('mask-L1-earlier')],
    });

    expect(rows.lesions[0]).toMatchObject({ role: 'non-target', roleSource: 'reader' });
  });

  it('are not found by a mask of another lesion', () => {
    const rows = buildRows({
      timepoints, tracks: [l1], organs: new Map(), overrides: [roleOverride('mask-L9-0')],
    });

    expect(rows.lesions[0]?.roleSource).toBe('suggested');
  });
});
