/**
 * Hand-built tracked lesions for tests of the response rows: a track per lesion with one
 * observation per timepoint, each mask named `mask-<label>-<timepoint index>`.
 */
import type { StoredOverride } from '../overrides';
import type { RowsInput, TrackedObservation } from '../lesion-rows';

export const timepoints = [
  { id: 'tp-0', date: '2024-01-01' },
  { id: 'tp-1', date: '2024-03-01' },
];

export type Size = { longestMm: number; shortMm: number } | 'gone';

export const maskOf = (label: string, timepoint: number) => `mask-${label}-${timepoint}`;

function observation(timepoint: number, mask: string, size: Size): TrackedObservation {
  const present = size !== 'gone';

  return {
    id: `${mask}-obs`,
    timepoint,
    timepointId: timepoints[timepoint]!.id,
    studyDate: timepoints[timepoint]!.date,
    segmentMaskId: present ? mask : null,
    present,
    source: 'segmentation',
    volumeMl: null,
    longestDiameterMm: present ? size.longestMm : null,
    shortAxisMm: present ? size.shortMm : null,
    centroidMm: null,
    centroidBaselineMm: null,
    confidence: null,
    reviewFlags: [],
  };
}

export function track(label: string, sizes: Size[]): RowsInput['tracks'][number] {
  return {
    id: `track-${label}`,
    label,
    status: 'active',
    events: [],
    observations: sizes.map((size, i) => observation(i, maskOf(label, i), size)),
  };
}

/** A reader's override on the lesion's mask at the follow-up (timepoint 1). */
export function followUpOverride(label: string, value: StoredOverride['value']): StoredOverride {
  return {
    id: `override-${label}-${value.kind}`,
    patientId: 'patient-row',
    kind: value.kind,
    segmentMaskId: maskOf(label, 1),
    timepointId: timepoints[1]!.id,
    value,
    changedBy: 'reader',
    changedAt: new Date('2024-03-02T10:00:00Z'),
  };
}
