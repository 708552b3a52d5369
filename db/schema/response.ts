import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { id } from './columns';
import { patientRef } from './references';
import { segmentMasks, timepoints } from './imaging';

export type NonTargetOverride = 'present' | 'absent' | 'progression';
export type NewLesionOverride = 'unequivocal' | 'equivocal' | 'not-new';
export type LesionRole = 'target' | 'non-target' | 'none';

/** What a reader set by hand; `kind` in the row repeats the tag of this union. */
export type ResponseOverrideValue =
  | { kind: 'organ'; organ: string; node: boolean }
  | { kind: 'role'; role: LesionRole }
  /**
   * null: the reader could not measure it on this scan (not evaluated), unless tooSmall:
   * present but too small to measure, which RECIST counts as 5 mm.
   */
  | { kind: 'diameter'; diameterMm: number | null; tooSmall?: boolean }
  | { kind: 'non-target'; status: NonTargetOverride }
  | { kind: 'new-lesion'; status: NewLesionOverride }
  | { kind: 'timepoint'; evaluated: boolean };

export type ResponseOverrideKind = ResponseOverrideValue['kind'];

/**
 * A reader's correction to the response assessment of one patient. Like the tracking
 * decisions, rows name a segment mask rather than a track, because tracks are rebuilt on
 * every re-tracking while masks stay: an override applies to whichever track holds its
 * mask. Per-timepoint overrides also name the timepoint, since a lesion that is absent
 * on a scan has no mask there (the row then names another mask of the same lesion).
 * Lesion-wide overrides (organ, role) have no timepoint; a timepoint override (scan not
 * evaluated) has no mask.
 */
export const responseOverrides = pgTable(
  'response_overrides',
  {
    id: id(),
    patientId: patientRef(),
    kind: text('kind').$type<ResponseOverrideKind>().notNull(),
    segmentMaskId: uuid('segment_mask_id').references(() => segmentMasks.id, {
      onDelete: 'cascade',
    }),
    timepointId: uuid('timepoint_id').references(() => timepoints.id, { onDelete: 'cascade' }),
    value: jsonb('value').$type<ResponseOverrideValue>().notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Every assessment reads all overrides of one patient, oldest first (the last one wins).
  (t) => [index('response_overrides_patient_idx').on(t.patientId, t.changedAt)],
);
