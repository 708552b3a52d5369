import { z } from 'zod';

import {
  loadLesionTable, recordDecision, recordReviewAction, startTracking, trackingStatus,
} from '@/server/lesions';
import { deleteOutline, listOutlines } from '@/server/lesions/outlines';
import { loadLesionPanels } from '@/server/lesions/read-lesion-panels';
import { outlineLesionHere } from '@/server/lesions/threshold-outline';

import { publicProcedure, router } from '../trpc';

const vec3 = z.tuple([z.number(), z.number(), z.number()]);

const observation = z.object({
  id: z.string(), timepoint: z.number(), studyDate: z.string(),
  segmentMaskId: z.string().nullable(), present: z.boolean(),
  source: z.enum(['segmentation', 'propagated', 'threshold']),
  volumeMl: z.number().nullable(), longestDiameterMm: z.number().nullable(),
  shortAxisMm: z.number().nullable(), centroidMm: vec3.nullable(),
  centroidBaselineMm: vec3.nullable(), confidence: z.number().nullable(),
  reviewFlags: z.array(z.string()),
});

const registrationQuality = z.object({
  finalMetric: z.number().nullable(), iterations: z.number(),
  bodyOverlapDice: z.number().nullable(), overlapFraction: z.number().nullable(),
  durationMs: z.number(), engine: z.enum(['wasm', 'native']).optional(),
}).nullable();

const lesionTable = z.object({
  patientId: z.string(),
  timepoints: z.array(z.object({
    id: z.string(), index: z.number(), studyDate: z.string(),
    registration: z.object({
      status: z.enum(['baseline', 'ok', 'failed', 'not-run']),
      method: z.string().nullable(), reason: z.string().nullable(),
      // The lesion page carries a baseline point to this timepoint with it.
      matrix: z.array(z.number()).length(12).nullable(),
      quality: registrationQuality,
      // Series in another frame than the CT (an MR), each registered to the CT.
      series: z.array(z.object({
        seriesId: z.string(), modality: z.string(), description: z.string().nullable(),
        status: z.enum(['ok', 'failed']), method: z.string(), reason: z.string().nullable(),
        quality: registrationQuality,
      })),
    }),
  })),
  lesions: z.array(z.object({
    id: z.string(), label: z.string(), status: z.enum(['active', 'new', 'vanished', 'merged']),
    events: z.array(z.object({ kind: z.string(), timepointIndex: z.number() })),
    observations: z.array(observation),
  })),
});

const job = z.object({
  state: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ phase: z.string(), done: z.number(), total: z.number() }).nullable(),
  error: z.string().nullable(), startedAt: z.string(), finishedAt: z.string().nullable(),
}).nullable();

const patientInput = z.object({ patientId: z.string().min(1) });

const voxel = z.tuple([z.number().int(), z.number().int(), z.number().int()]);

const thresholdMethod = z.enum(['41%', 'suv2.5']);

const thresholdOutline = z.object({
  outlineId: z.string(), trackId: z.string(), observationId: z.string(),
  method: thresholdMethod,
  voxelCount: z.number(), bbox: z.array(z.number()), thresholdSuv: z.number(),
  localMaxSuv: z.number(), reachedBound: z.boolean(),
  /** The mask cropped to `bbox` on the PET grid, one byte per voxel. */
  maskBase64: z.string(),
});

const outlineView = z.object({
  id: z.string(), method: thresholdMethod, thresholdSuv: z.number(), localMaxSuv: z.number(),
  voxelCount: z.number(), volumeMl: z.number(), reachedBound: z.boolean(),
  outlinedBy: z.string(), createdAt: z.string(), lesionLabel: z.string().nullable(),
  trackId: z.string().nullable(), maskId: z.string().nullable(),
  duplicateOf: z.object({ segmentLabel: z.string(), lesionLabel: z.string().nullable(),
    trackId: z.string().nullable() }).nullable(),
});

export const trackingRouter = router({
  table: publicProcedure.input(patientInput).output(lesionTable)
    .query(({ ctx, input }) => loadLesionTable(ctx.db, input.patientId)),

  /** One lesion's CT and mask per timepoint, for the lesion page. */
  lesionPanels: publicProcedure
    .input(patientInput.extend({ trackId: z.string().uuid() }))
    .query(({ ctx, input }) => loadLesionPanels(ctx.db, input.patientId, input.trackId)),

  /** Starts tracking in the background of the server process; poll `status`. */
  start: publicProcedure.input(patientInput).output(job)
    .mutation(({ ctx, input }) => startTracking(ctx.db, ctx.dataDir, input.patientId)),

  status: publicProcedure.input(patientInput).output(job)
    .query(({ input }) => trackingStatus(input.patientId)),

  decide: publicProcedure
    .input(z.object({
      kind: z.enum(['confirm', 'relink', 'mark-new']),
      observationId: z.string().uuid(),
      targetTrackId: z.string().uuid().optional(),
    }))
    .mutation(({ ctx, input }) => recordDecision(ctx.db, ctx.dataDir, input, 'web user')),

  /** Split, merge or vanish: the review actions that involve a second track or a gap. */
  review: publicProcedure
    .input(z.object({
      kind: z.enum(['split', 'merge', 'vanish']),
      observationId: z.string().uuid(),
      otherTrackId: z.string().uuid().optional(),
    }))
    .mutation(({ ctx, input }) => recordReviewAction(ctx.db, ctx.dataDir, input, 'web user')),

  /** "Outline lesion here": a seeded threshold segmentation of a PET lesion, stored. */
  outlineThreshold: publicProcedure
    .input(z.object({
      seriesId: z.string().uuid(), seed: voxel, trackId: z.string().uuid().optional(),
    }))
    .output(thresholdOutline)
    .mutation(({ ctx, input }) => outlineLesionHere(ctx.db, ctx.dataDir, input, 'web user')),

  /** The threshold outlines drawn on one PET series, oldest first. */
  outlines: publicProcedure
    .input(z.object({ seriesId: z.string().uuid() }))
    .output(z.array(outlineView))
    .query(({ ctx, input }) => listOutlines(ctx.db, input.seriesId)),

  /** Deletes an outline and its file, then matches the patient's lesions again. */
  deleteOutline: publicProcedure
    .input(z.object({ outlineId: z.string().uuid() }))
    .mutation(({ ctx, input }) => deleteOutline(ctx.db, ctx.dataDir, input.outlineId)),
});
