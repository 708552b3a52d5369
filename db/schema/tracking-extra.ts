import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id } from './columns';
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
 * Review actions that need more than two masks to be stated, replayed together with
 * lesion_decisions in the order they were made (see server/lesions/apply-decisions.ts).
 * Like decisions they name segment masks, which survive re-tracking, never tracks.
 *  - split: the mask `segmentMaskId`, claimed by two lesions, stays with the lesion
 *    holding `withSegmentMaskId`; the other lesion is absent at that timepoint
 *  - merge: the lesion holding `withSegmentMaskId` is the same as the one holding
 *    `segmentMaskId`; their observations become one track
 *  - vanish: the lesion holding `segmentMaskId` is absent from `timepointId` on
 */
export const lesionReviewActions = pgTable(
  'lesion_review_actions',
  {
    id: id(),
    patientId: patientRef(),
    kind: text('kind').$type<ReviewActionKind>().notNull(),
    segmentMaskId: uuid('segment_mask_id')
      .notNull()
      .references(() => segmentMasks.id, { onDelete: 'cascade' }),
    withSegmentMaskId: uuid('with_segment_mask_id').references(() => segmentMasks.id, {
      onDelete: 'cascade',
    }),
    timepointId: uuid('timepoint_id').references(() => timepoints.id, { onDelete: 'cascade' }),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Re-tracking replays the actions of one patient in the order they were made.
  (t) => [index('lesion_review_actions_patient_idx').on(t.patientId, t.decidedAt)],
);
