import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id } from './columns';
import { decidedLesion, namesOneLesion, partnerLesion } from './decided-lesion';
import { patientRef } from './references';
import { segmentMasks, series, timepoints } from './imaging';
import { lesionObservations } from './tracking';

/**
 * The mask of an observation that is not a SEG segment. Mostly a lesion mask carried
 * from an earlier timepoint and refined on this timepoint's CT, for a tracked lesion this
 * timepoint has no segmentation of: the file holds the mask cropped to `bbox` on the CT
 * grid, one byte per voxel, like a segment mask; its name is fixed by the CT series and
 * the seed lesion, so a new run overwrites the old file. For an observation made from a
 * reader's threshold outline the row points at the outline's own file on the PET grid
 * (`imageSeriesId` is the PET). Rebuilt on every tracking run with the observation it
 * belongs to (deleted with it).
 */
export const propagatedMasks = pgTable(
  'propagated_masks',
  {
    id: id(),
    observationId: uuid('observation_id')
      .notNull()
      .references(() => lesionObservations.id, { onDelete: 'cascade' }),
    imageSeriesId: uuid('image_series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    /** The SEG mask the chain of propagations started from, when it started from one. */
    fromSegmentMaskId: uuid('from_segment_mask_id').references(() => segmentMasks.id, {
      onDelete: 'set null',
    }),
    voxelCount: integer('voxel_count').notNull(),
    /** Inclusive voxel bounding box [i0, j0, k0, i1, j1, k1] on the grid of imageSeriesId. */
    bbox: jsonb('bbox').$type<number[]>().notNull(),
    storedPath: text('stored_path').notNull(),
    createdAt: createdAt(),
  },
  // The lesion page and the viewer read the propagated mask of one observation.
  (t) => [index('propagated_masks_observation_idx').on(t.observationId)],
);

export type ReviewActionKind = 'split' | 'merge' | 'vanish';

/**
 * Review actions that need more than two lesions to be stated, replayed together with
 * lesion_decisions in the order they were made (see server/lesions/apply-decisions.ts).
 * Like decisions they name segment masks or reader outlines (decided-lesion.ts), which
 * survive re-tracking, never tracks.
 *  - split: the lesion named, claimed by two tracks, stays with the track holding the
 *    partner; the other track is absent at that timepoint
 *  - merge: the track holding the partner is the same lesion as the one holding the
 *    lesion named; their observations become one track
 *  - vanish: the track holding the lesion named is absent from `timepointId` on
 */
export const lesionReviewActions = pgTable(
  'lesion_review_actions',
  {
    id: id(),
    patientId: patientRef(),
    kind: text('kind').$type<ReviewActionKind>().notNull(),
    ...decidedLesion(),
    ...partnerLesion(),
    timepointId: uuid('timepoint_id').references(() => timepoints.id, { onDelete: 'cascade' }),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Re-tracking replays the actions of one patient in the order they were made.
  (t) => [
    index('lesion_review_actions_patient_idx').on(t.patientId, t.decidedAt),
    namesOneLesion('lesion_review_actions_one_lesion', t),
  ],
);
