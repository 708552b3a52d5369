'use client';

import type { OverrideMutation } from './use-override';
import { DiameterInput } from './diameter-input';
import { TooSmallToggle } from './too-small-toggle';
import type { LesionRowData, TimepointData } from './types';

interface Props {
  patientId: string;
  lesion: LesionRowData;
  timepoints: TimepointData[];
  override: OverrideMutation;
}

const ROLE_TONE = { target: 'ok', 'non-target': '', none: 'warn' } as const;

const PROPAGATED_TITLE = 'This scan has no segmentation: the diameter was measured on a mask ' +
  'carried from an earlier scan. Enter the diameter you measure to replace it.';

/** One lesion: its role control, then per scan its value and status controls. */
export function LesionRow({ patientId, lesion, timepoints, override }: Props) {
  const base = { patientId, trackId: lesion.trackId };
  const busy = override.isPending;

  return (
    <tr>
      <td>
        {lesion.label}{' '}
        <span className="muted small" title={`organ from ${lesion.organSource}`}>
          {lesion.organ}{lesion.node ? ' (node)' : ''}
        </span>
        <br />
        {lesion.isNew ? <span className="badge bad">new</span> : (
          <select
            aria-label={`role of ${lesion.label}`}
            value={lesion.role}
            disabled={busy}
            className={`badge ${ROLE_TONE[lesion.role]}`}
            title={lesion.roleSource === 'reader' ? 'chosen by a reader' : 'suggested'}
            onChange={(e) => override.mutate({ ...base, kind: 'role',
              value: { kind: 'role', role: e.target.value as LesionRowData['role'] } })}
          >
            <option value="target">target</option>
            <option value="non-target">non-target</option>
            <option value="none">not recorded</option>
          </select>
        )}
      </td>
      {lesion.cells.map((cell, i) => (
        <td key={cell.timepointId}>
          {cell.present === null ? <span className="muted">–</span> : (
            <>
              <DiameterInput
                key={`${cell.valueMm}`}
                valueMm={cell.valueMm}
                overridden={cell.diameterOverride}
                disabled={busy}
                onSave={(mm) => override.mutate({ ...base, kind: 'diameter',
                  timepointId: cell.timepointId,
                  value: mm === undefined ? null : { kind: 'diameter', diameterMm: mm } })}
              />
              {cell.propagated && !cell.diameterOverride && (
                <span className="badge warn" title={PROPAGATED_TITLE}>propagated</span>
              )}
              {lesion.role === 'target' && i > 0 && cell.present && (
                <TooSmallToggle patientId={patientId} lesion={lesion} cell={cell}
                  date={timepoints[i]?.date ?? ''} override={override} />
              )}
              {lesion.role === 'non-target' && i > 0 && (
                <select
                  aria-label={`status of ${lesion.label} on ${timepoints[i]?.date}`}
                  value={cell.nonTargetStatus ?? (cell.present ? 'present' : 'absent')}
                  disabled={busy}
                  onChange={(e) => override.mutate({ ...base, kind: 'non-target',
                    timepointId: cell.timepointId, value: { kind: 'non-target',
                      status: e.target.value as 'present' | 'absent' | 'progression' } })}
                >
                  <option value="present">present</option>
                  <option value="absent">absent</option>
                  <option value="progression">progression</option>
                </select>
              )}
              {lesion.isNew && cell.present && (
                <select
                  aria-label={`new lesion status of ${lesion.label} on ${timepoints[i]?.date}`}
                  value={cell.newLesionStatus ?? 'unequivocal'}
                  disabled={busy}
                  onChange={(e) => override.mutate({ ...base, kind: 'new-lesion',
                    timepointId: cell.timepointId, value: { kind: 'new-lesion',
                      status: e.target.value as 'unequivocal' | 'equivocal' | 'not-new' } })}
                >
                  <option value="unequivocal">new</option>
                  <option value="equivocal">equivocal</option>
                  <option value="not-new">not new</option>
                </select>
              )}
            </>
          )}
        </td>
      ))}
    </tr>
  );
}
