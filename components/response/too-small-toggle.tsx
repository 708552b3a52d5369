'use client';

import type { OverrideMutation } from './use-override';
import type { LesionRowData } from './types';

interface Props {
  patientId: string;
  lesion: LesionRowData;
  cell: LesionRowData['cells'][number];
  date: string;
  override: OverrideMutation;
}

/**
 * "Too small to measure" on a target at a follow-up: RECIST then counts 5 mm. Unticking
 * keeps the shown value as the reader's own measurement, which RECIST counts as it is.
 */
export function TooSmallToggle({ patientId, lesion, cell, date, override }: Props) {
  const readerMm = cell.diameterOverride ? cell.valueMm : null;
  const title = cell.tooSmall
    ? `Counted as 5 mm (RECIST: present but too small to measure)` +
      (cell.diameterOverride ? '; marked by a reader' : '; the mask measures under 5 mm')
    : 'Tick if the lesion is present but too small to measure: RECIST counts it as 5 mm';

  return (
    <label className="small" style={{ display: 'block' }} title={title}>
      <input
        type="checkbox"
        aria-label={`too small to measure: ${lesion.label} on ${date}`}
        checked={cell.tooSmall}
        disabled={override.isPending}
        onChange={(e) => override.mutate({ patientId, trackId: lesion.trackId,
          kind: 'diameter', timepointId: cell.timepointId,
          value: e.target.checked
            ? { kind: 'diameter', diameterMm: readerMm, tooSmall: true }
            : { kind: 'diameter', diameterMm: cell.valueMm } })}
      />{' '}
      {cell.tooSmall ? <span className="badge warn">too small: 5 mm</span> : 'too small'}
    </label>
  );
}
