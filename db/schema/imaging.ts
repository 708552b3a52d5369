import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uuid,
} from 'drizzle-orm/pg-core';

import type { Mat3, PixelType, Vec3 } from '@/server/imaging/image';

import { changedBy, createdAt, id } from './columns';
import { patients } from './patients';

/** One imaging date of one patient, grouping the studies taken within the window. */
export const timepoints = pgTable(
  'timepoints',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    isBaseline: boolean('is_baseline').notNull().default(false),
    /** 'auto' follows the therapy rule; 'user' sticks until the user changes it again. */
    baselineSource: text('baseline_source').notNull().default('auto'),
    baselineChangedBy: changedBy(),
    createdAt: createdAt(),
  },
  // The patient page lists timepoints of one patient in date order.
  (t) => [index('timepoints_patient_date_idx').on(t.patientId, t.date)],
);

export const studies = pgTable(
  'studies',
  {
    id: id(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    timepointId: uuid('timepoint_id').references(() => timepoints.id, {
      onDelete: 'set null',
    }),
    studyInstanceUid: text('study_instance_uid').notNull().unique(),
    studyDate: date('study_date').notNull(),
    description: text('description'),
    createdAt: createdAt(),
  },
  // Timepoint grouping reads all studies of a patient.
  (t) => [index('studies_patient_idx').on(t.patientId)],
);

export interface SuvInfo {
  available: boolean;
  reason?: string;
  suvBwFactor?: number;
  sulFactor?: number | null;
  method?: string;
  warnings?: string[];
}

export interface AssemblyReport {
  sliceCount: number;
  sliceSpacingMm: number;
  missingSlices: number;
  unevenSpacing: boolean;
  gantryTiltDeg: number;
  warnings: string[];
}

/** A series becomes a row only once all of its files are stored and assembled. */
export const series = pgTable(
  'series',
  {
    id: id(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    seriesInstanceUid: text('series_instance_uid').notNull().unique(),
    modality: text('modality').notNull(),
    seriesType: text('series_type').notNull(),
    seriesTypeSource: text('series_type_source').notNull().default('auto'),
    seriesTypeReason: text('series_type_reason'),
    tracer: text('tracer'),
    /**
     * CT contrast phase: 'unenhanced', 'enhanced' or null when unknown; with its source,
     * 'auto' (DICOM contrast/bolus agent or description) or 'user'.
     */
    contrastPhase: text('contrast_phase'),
    contrastPhaseSource: text('contrast_phase_source').notNull().default('auto'),
    frameOfReferenceUid: text('frame_of_reference_uid'),
    seriesNumber: integer('series_number'),
    description: text('description'),
    instanceCount: integer('instance_count').notNull(),
    suv: jsonb('suv').$type<SuvInfo>(),
    /** For SEG: the series whose grid the segments lie on. */
    referencedSeriesUid: text('referenced_series_uid'),
    createdAt: createdAt(),
  },
  // The patient page loads every series of a study.
  (t) => [index('series_study_idx').on(t.studyId)],
);

export const instances = pgTable(
  'instances',
  {
    id: id(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    sopInstanceUid: text('sop_instance_uid').notNull().unique(),
    sopClassUid: text('sop_class_uid').notNull(),
    /** SHA-256 of the file bytes: the same file twice is recognised, a changed one refused. */
    digest: text('digest').notNull(),
    storedPath: text('stored_path').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  // Re-assembly reads the instances of one series.
  (t) => [index('instances_series_idx').on(t.seriesId)],
);

/** The assembled 3-D image of a series, stored as raw little-endian pixels. */
export const volumes = pgTable('volumes', {
  id: id(),
  seriesId: uuid('series_id')
    .notNull()
    .unique()
    .references(() => series.id, { onDelete: 'cascade' }),
  size: jsonb('size').$type<Vec3>().notNull(),
  spacingMm: jsonb('spacing_mm').$type<Vec3>().notNull(),
  originMm: jsonb('origin_mm').$type<Vec3>().notNull(),
  direction: jsonb('direction').$type<Mat3>().notNull(),
  pixelType: text('pixel_type').$type<PixelType>().notNull(),
  storedPath: text('stored_path').notNull(),
  minValue: real('min_value').notNull(),
  maxValue: real('max_value').notNull(),
  report: jsonb('report').$type<AssemblyReport>().notNull(),
  createdAt: createdAt(),
});

/**
 * A segment of a SEG series (or a label of a NIfTI label map) resampled onto the grid
 * of the series it annotates: the lesion masks of one timepoint.
 */
export const segmentMasks = pgTable(
  'segment_masks',
  {
    id: id(),
    sourceSeriesId: uuid('source_series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    imageSeriesId: uuid('image_series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    segmentNumber: integer('segment_number').notNull(),
    label: text('label').notNull(),
    description: text('description'),
    voxelCount: integer('voxel_count').notNull(),
    /** Inclusive voxel bounding box [i0, j0, k0, i1, j1, k1] on the image grid. */
    bbox: jsonb('bbox').$type<number[]>().notNull(),
    storedPath: text('stored_path').notNull(),
    createdAt: createdAt(),
  },
  // The viewer draws the masks of the image series it shows.
  (t) => [index('segment_masks_image_idx').on(t.imageSeriesId)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: changedBy(),
});
