import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

import type { Vec3 } from '@/server/imaging/image';
import type { ThresholdMethod } from '@/server/lesions/threshold-lesion';

import { createdAt, id } from './columns';
import { segmentMasks, series } from './imaging';
import { patientRef, timepointRef } from './references';

/**
 * A lesion a reader outlined on a PET by seeded threshold ("Outline lesion here"). Like a
 * SEG segment it is a lesion of its timepoint that every tracking run matches into a
 * track, so it outlives re-tracking; the observation made from it is rebuilt each run.
 * The file holds the mask cropped to `bbox` on the PET grid, one byte per voxel.
 *
 * A reader who said which lesion the outline belongs to is remembered by a lesion of that
 * track (`withSegmentMaskId` or `withOutlineId`), never the track id, which re-tracking
 * replaces; the link is replayed like a relink decision.
 */
export const lesionOutlines = pgTable(
  'lesion_outlines',
  {
    id: id(),
    patientId: patientRef(),
    timepointId: timepointRef(),
    imageSeriesId: uuid('image_series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    /** The voxel clicked, [i, j, k] on the PET grid. */
    seedVoxel: jsonb('seed_voxel').$type<Vec3>().notNull(),
    method: text('method').$type<ThresholdMethod>().notNull(),
    thresholdSuv: real('threshold_suv').notNull(),
    localMaxSuv: real('local_max_suv').notNull(),
    voxelCount: integer('voxel_count').notNull(),
    /** Inclusive voxel bounding box [i0, j0, k0, i1, j1, k1] on the PET grid. */
    bbox: jsonb('bbox').$type<number[]>().notNull(),
    storedPath: text('stored_path').notNull(),
    /** Growth met its bound: the outline is cut off there rather than at the threshold. */
    reachedBound: boolean('reached_bound').notNull(),
    outlinedBy: text('outlined_by').notNull(),
    withSegmentMaskId: uuid('with_segment_mask_id').references(() => segmentMasks.id, {
      onDelete: 'set null',
    }),
    withOutlineId: uuid('with_outline_id').references((): AnyPgColumn => lesionOutlines.id, {
      onDelete: 'set null',
    }),
    /**
     * Set by tracking when a segment of the same timepoint already holds this lesion (a
     * SEG ingested after the outline was drawn): the outline is then no lesion of its own.
     */
    duplicateOfSegmentMaskId: uuid('duplicate_of_segment_mask_id')
      .references(() => segmentMasks.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    // Tracking reads the outlines of one patient.
    index('lesion_outlines_patient_idx').on(t.patientId),
    // The PET series page lists the outlines drawn on it.
    index('lesion_outlines_series_idx').on(t.imageSeriesId),
  ],
);
