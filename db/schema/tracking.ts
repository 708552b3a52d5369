import {
  boolean,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import type { Vec3 } from '@/server/imaging/image';
import type { Mat3x4 } from '@/server/tracking/affine';
import type { RegistrationQuality } from '@/server/tracking/registration-types';

import { createdAt, id } from './columns';
import { decidedLesion, namesOneLesion, partnerLesion } from './decided-lesion';
import { patientRef, timepointRef } from './references';
import { segmentMasks } from './imaging';
import { lesionOutlines } from './tracking-outlines';

export type RegistrationMethod = 'elastix' | 'fallback-frame-of-reference';
export type ObservationSource = 'segmentation' | 'propagated' | 'threshold';
export type TrackStatus = 'active' | 'new' | 'vanished' | 'merged';
export type DecisionKind = 'confirm' | 'relink' | 'mark-new';

/**
 * How one follow-up CT was aligned to the baseline CT. The matrix maps a baseline LPS
 * point to the follow-up LPS point showing the same anatomy (see server/tracking/affine).
 * A failed registration keeps status 'failed' with its reason and an identity matrix
 * under method 'fallback-frame-of-reference': the scanner frames are trusted as they are.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: id(),
    patientId: patientRef(),
    timepointId: timepointRef(),
    baselineTimepointId: timepointRef('baseline_timepoint_id'),
    status: text('status').$type<'ok' | 'failed'>().notNull(),
    method: text('method').$type<RegistrationMethod>().notNull(),
    reason: text('reason'),
    matrix: jsonb('matrix').$type<Mat3x4>().notNull(),
    quality: jsonb('quality').$type<RegistrationQuality>(),
    createdAt: createdAt(),
  },
  // The lesion table and `hallmark tracks` read the registrations of one patient;
  // re-tracking replaces them all at once by the same key.
  (t) => [
    index('registrations_patient_idx').on(t.patientId),
    // One registration per follow-up timepoint; the lesion table looks it up by timepoint.
    uniqueIndex('registrations_timepoint_idx').on(t.timepointId),
  ],
);

/** One lesion followed over time. Replaced wholesale each time a patient is re-tracked. */
export const lesionTracks = pgTable(
  'lesion_tracks',
  {
    id: id(),
    patientId: patientRef(),
    /** Shown to readers: L1, L2, ... in order of first appearance. */
    label: text('label').notNull(),
    status: text('status').$type<TrackStatus>().notNull(),
    /** Split, merge and reappearance events of the matcher, for review. */
    events: jsonb('events').$type<TrackEventRecord[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  // The lesion table lists the tracks of one patient.
  (t) => [index('lesion_tracks_patient_idx').on(t.patientId)],
);

export interface TrackEventRecord {
  kind: 'new' | 'vanished' | 'reappeared' | 'split' | 'merged';
  timepointIndex: number;
}

/** A track at one timepoint: measured from a mask, or absent (present = false). */
export const lesionObservations = pgTable(
  'lesion_observations',
  {
    id: id(),
    trackId: uuid('track_id')
      .notNull()
      .references(() => lesionTracks.id, { onDelete: 'cascade' }),
    timepointId: timepointRef(),
    segmentMaskId: uuid('segment_mask_id').references(() => segmentMasks.id, {
      onDelete: 'set null',
    }),
    /** For source 'threshold': the reader's outline this observation was made from. */
    outlineId: uuid('outline_id').references(() => lesionOutlines.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    source: text('source').$type<ObservationSource>().notNull(),
    volumeMl: real('volume_ml'),
    longestDiameterMm: real('longest_diameter_mm'),
    shortAxisMm: real('short_axis_mm'),
    /** Centroid in that timepoint's scanner frame (LPS, mm). */
    centroidMm: jsonb('centroid_mm').$type<Vec3>(),
    /** The same centroid carried into the baseline frame through the registration. */
    centroidBaselineMm: jsonb('centroid_baseline_mm').$type<Vec3>(),
    /** Confidence of the link that put this observation on its track, 0 to 1. */
    confidence: real('confidence'),
    /** e.g. 'low-confidence', 'split', 'unregistered', 'confirmed', 'manual'. */
    reviewFlags: jsonb('review_flags').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  // Loading the lesion table reads every observation of a patient's tracks.
  (t) => [index('lesion_observations_track_idx').on(t.trackId)],
);

/**
 * What a reader decided by hand. Decisions name lesions as segment masks or as reader
 * outlines (exactly one of `segmentMaskId` and `outlineId`), not tracks, because tracks
 * are rebuilt on every re-tracking while masks and outlines stay; they are replayed in
 * order over each automatic result, so they survive re-tracking.
 *  - confirm:  the lesion belongs with the partner (its predecessor when confirmed)
 *  - relink:   move the lesion onto the track holding the partner
 *  - mark-new: the lesion starts a track of its own from its timepoint on
 * The partner is `withSegmentMaskId` or `withOutlineId`.
 */
export const lesionDecisions = pgTable(
  'lesion_decisions',
  {
    id: id(),
    patientId: patientRef(),
    kind: text('kind').$type<DecisionKind>().notNull(),
    ...decidedLesion(),
    ...partnerLesion(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Re-tracking replays the decisions of one patient in the order they were made.
  (t) => [
    index('lesion_decisions_patient_idx').on(t.patientId, t.decidedAt),
    namesOneLesion('lesion_decisions_one_lesion', t),
  ],
);
