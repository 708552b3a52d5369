import { z } from 'zod';

import { SIGNAL_CATALOGUE } from '@/server/signals';
import {
  computePatientSignals, placeLiverByHand, readPatientSignals, readSignalSettings,
  saveSignalSettings, signalSettingsSchema,
} from '@/server/signals-store';

import { publicProcedure, router } from '../trpc';

const patientInput = z.object({ patientId: z.string().min(1) });
const vec3 = z.tuple([z.number(), z.number(), z.number()]);

export const signalsRouter = router({
  /**
   * Stored values, references, growth and new-lesion counts; computes nothing. It declares
   * no output schema yet (the document is wide); one would stop a future column leaking.
   */
  dashboard: publicProcedure
    .input(patientInput)
    .query(({ ctx, input }) => readPatientSignals(ctx.db, input.patientId)),

  catalogue: publicProcedure.query(() => SIGNAL_CATALOGUE),

  /**
   * Reads every image of the patient inside the request: 15-20 s per phantom patient,
   * minutes on real data. A background job with progress, as tracking has, would lift it.
   */
  compute: publicProcedure
    .input(patientInput)
    .mutation(({ ctx, input }) => computePatientSignals(ctx.db, ctx.dataDir, input.patientId)),

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
