import { sql } from 'drizzle-orm';
import { check, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

import { segmentMasks } from './imaging';
import { lesionOutlines } from './tracking-outlines';

/**
 * The lesion a reader's decision names, and the partner lesion it names beside it: a
 * SEG segment mask or a reader's PET outline. Both outlive re-tracking, which is why
 * decisions name them rather than tracks. A decision goes when its lesion is deleted.
 */
export const decidedLesion = () => ({
  segmentMaskId: uuid('segment_mask_id')
    .references(() => segmentMasks.id, { onDelete: 'cascade' }),
  outlineId: uuid('outline_id').references(() => lesionOutlines.id, { onDelete: 'cascade' }),
});

export const partnerLesion = () => ({
  withSegmentMaskId: uuid('with_segment_mask_id')
    .references(() => segmentMasks.id, { onDelete: 'cascade' }),
  withOutlineId: uuid('with_outline_id')
    .references(() => lesionOutlines.id, { onDelete: 'cascade' }),
});

/** A decision names exactly one lesion: a mask or an outline. */
export const namesOneLesion = (
  name: string,
  t: { segmentMaskId: AnyPgColumn; outlineId: AnyPgColumn },
) => check(name, sql`num_nonnulls(${t.segmentMaskId}, ${t.outlineId}) = 1`);
