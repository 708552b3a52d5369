import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import type { Vec3 } from '@/server/imaging/image';

import { changedBy, createdAt, id } from './columns';
import { patientRef, timepointRef } from './references';
import { segmentMasks, series } from './imaging';
import { patients } from './patients';
import { lesionObservations } from './tracking';

export type ReferencePlacement = 'auto' | 'user';
export type PetReferenceKind = 'liver' | 'fmiso-background';

/**
 * One imaging signal of one lesion mask (a lesion observed at a timepoint). A signal the
 * engine could not measure keeps its row with value null and the reason, so the UI can
 * tell "not measured, because ..." from "never computed".
 */
export const signalValues = pgTable(
  'signal_values',
  {
    id: id(),
    patientId: patientRef(),
    timepointId: timepointRef(),
    /**
     * The SEG segment measured, or null when the mask is one tracking made (propagated or
     * thresholded) and `observationId` names it. Exactly one of the two is set.
     */
    segmentMaskId: uuid('segment_mask_id').references(() => segmentMasks.id, {
      onDelete: 'cascade',
    }),
    /** Re-tracking replaces observations, and with them the values of their masks. */
    observationId: uuid('observation_id').references(() => lesionObservations.id, {
      onDelete: 'cascade',
    }),
    /** An id of SIGNAL_CATALOGUE (server/signals/catalogue.ts). */
    signalId: text('signal_id').notNull(),
    value: doublePrecision('value'),
    unit: text('unit').notNull(),
    /** The series whose pixels were measured; null for a skipped signal. */
    sourceSeriesId: uuid('source_series_id').references(() => series.id, {
      onDelete: 'cascade',
    }),
    voxelCount: integer('voxel_count'),
    skippedReason: text('skipped_reason'),
    engineVersion: text('engine_version').notNull(),
    method: text('method'),
    settings: jsonb('settings').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    // The dashboard, the CSV export and `hallmark signals` read all values of one patient.
    index('signal_values_patient_idx').on(t.patientId),
    // One value per mask and signal; re-computing a timepoint replaces its rows.
    uniqueIndex('signal_values_mask_signal_idx').on(t.segmentMaskId, t.signalId),
    uniqueIndex('signal_values_observation_signal_idx').on(t.observationId, t.signalId),
    check('signal_values_one_mask',
      sql`(${t.segmentMaskId} is null) <> (${t.observationId} is null)`),
    // Re-computing deletes the automatic values of one timepoint before writing anew.
    index('signal_values_timepoint_idx').on(t.timepointId),
  ],
);

/**
 * A PET reference region of one timepoint: the PERCIST liver sphere (SUV and SUL mean/SD)
 * or the FMISO background the TBRs were divided by. A 'user' placement survives
 * re-computing; an 'auto' one is placed again each time.
 */
export const petReferences = pgTable(
  'pet_references',
  {
    id: id(),
    patientId: patientRef(),
    timepointId: timepointRef(),
    kind: text('kind').$type<PetReferenceKind>().notNull(),
    petSeriesId: uuid('pet_series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    placement: text('placement').$type<ReferencePlacement>().notNull(),
    /** Sphere centre (LPS, mm); null for the FMISO background, which is not a sphere. */
    centreMm: jsonb('centre_mm').$type<Vec3>(),
    radiusMm: doublePrecision('radius_mm'),
    voxelCount: integer('voxel_count'),
    suvMean: doublePrecision('suv_mean'),
    suvSd: doublePrecision('suv_sd'),
    sulMean: doublePrecision('sul_mean'),
    sulSd: doublePrecision('sul_sd'),
    /** Why there is no value (e.g. no liver found), or how the value was made. */
    note: text('note'),
    engineVersion: text('engine_version').notNull(),
    placedBy: changedBy(),
    createdAt: createdAt(),
  },
  (t) => [
    // The dashboard and the CLI read the references of one patient.
    index('pet_references_patient_idx').on(t.patientId),
    // One reference of each kind per timepoint; placing again replaces it.
    uniqueIndex('pet_references_timepoint_kind_idx').on(t.timepointId, t.kind),
  ],
);

/**
 * The last computation of a patient's signals: the engine version and the effective
 * settings it ran with, so a reader can tell stale values after either changes.
 */
export const signalRuns = pgTable('signal_runs', {
  patientId: uuid('patient_id')
    .primaryKey()
    .references(() => patients.id, { onDelete: 'cascade' }),
  engineVersion: text('engine_version').notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  maskCount: integer('mask_count').notNull(),
  durationMs: integer('duration_ms').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});
