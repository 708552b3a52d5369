import { z } from 'zod';

import { SIGNAL_CATALOGUE } from '@/server/signals';
import {
  placeLiverByHand, readPatientSignals, readSignalSettings, saveSignalSettings,
  signalSettingsSchema, signalsStatus, startSignals,
} from '@/server/signals-store';

import { publicProcedure, router } from '../trpc';

const patientInput = z.object({ patientId: z.string().min(1) });
const vec3 = z.tuple([z.number(), z.number(), z.number()]);

const job = z.object({
  state: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({
    timepoint: z.number(), timepoints: z.number(), date: z.string(), masks: z.number(),
  }).nullable(),
  error: z.string().nullable(), startedAt: z.string(), finishedAt: z.string().nullable(),
}).nullable();

export const signalsRouter = router({
  /**
   * Stored values, references, growth and new-lesion counts; computes nothing. It declares
   * no output schema yet (the document is wide); one would stop a future column leaking.
   */
  dashboard: publicProcedure
    .input(patientInput)
    .query(({ ctx, input }) => readPatientSignals(ctx.db, input.patientId)),

  catalogue: publicProcedure.query(() => SIGNAL_CATALOGUE),

  /** Starts computing in the background of the server process; poll `status`. */
  start: publicProcedure.input(patientInput).output(job)
    .mutation(({ ctx, input }) => startSignals(ctx.db, ctx.dataDir, input.patientId)),

  status: publicProcedure.input(patientInput).output(job)
    .query(({ input }) => signalsStatus(input.patientId)),

  placeLiver: publicProcedure
    .input(z.object({ timepointId: z.string().uuid(), centreMm: vec3 }))
    .mutation(({ ctx, input }) =>
      placeLiverByHand(ctx.db, ctx.dataDir, input.timepointId, input.centreMm, 'web user')),

  settings: publicProcedure
    .output(signalSettingsSchema)
    .query(({ ctx }) => readSignalSettings(ctx.db)),

  saveSettings: publicProcedure
    .input(signalSettingsSchema)
    .output(signalSettingsSchema)
    .mutation(({ ctx, input }) => saveSignalSettings(ctx.db, input, 'web user')),
});
