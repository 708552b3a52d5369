import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

import type { Mat3x4 } from '@/server/tracking/affine';
import type { RegistrationQuality } from '@/server/tracking/registration-types';

import { createdAt, id } from './columns';
import { series } from './imaging';
import { patientRef, timepointRef } from './references';

/**
 * - elastix-rigid: registered to the CT by itself (rigid, Mattes mutual information)
 * - shared-frame-of-reference: took the transform of a series of the same frame that was
 * - fallback-identity: registration failed; the series' frame is used as if it were the
 *   CT's, and every consumer flags values read through it
 */
export type SeriesRegistrationMethod =
  | 'elastix-rigid'
  | 'shared-frame-of-reference'
  | 'fallback-identity';

/**
 * How a series of a timepoint that does not share the Frame of Reference of the
 * timepoint's registered CT (an MR from another scanner) was aligned to that CT. The
 * matrix maps a CT LPS point to the series LPS point showing the same anatomy (the
 * direction of server/tracking/affine). Series that share the CT's frame have no row:
 * they need none. Replaced for the whole patient on every tracking run.
 */
export const seriesRegistrations = pgTable(
  'series_registrations',
  {
    id: id(),
    patientId: patientRef(),
    timepointId: timepointRef(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    /** The timepoint's CT the series was registered to. */
    referenceSeriesId: uuid('reference_series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    status: text('status').$type<'ok' | 'failed'>().notNull(),
    method: text('method').$type<SeriesRegistrationMethod>().notNull(),
    reason: text('reason'),
    matrix: jsonb('matrix').$type<Mat3x4>().notNull(),
    quality: jsonb('quality').$type<RegistrationQuality>(),
    createdAt: createdAt(),
  },
  (t) => [
    // Re-tracking replaces a patient's rows; `hallmark tracks` lists them per patient.
    index('series_registrations_patient_idx').on(t.patientId),
    // The signals and the mask route look up the transform of one series.
    uniqueIndex('series_registrations_series_idx').on(t.seriesId),
  ],
);
