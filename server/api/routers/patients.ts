import { z } from 'zod';

import { getPatientDetail } from '@/server/patients/detail';
import { listArms, listPatients } from '@/server/patients/list';
import { setBaseline } from '@/server/ingest/regroup';
import { importTherapy } from '@/server/therapy/import';
import { parseTherapyText } from '@/server/therapy/parse';
import { updateTherapyEvent, deleteTherapyEvent } from '@/server/therapy/edit';
import { AppError } from '@/server/lib/errors';

import { publicProcedure, router } from '../trpc';

const patientRow = z.object({
  id: z.string(),
  patientId: z.string(),
  sex: z.string().nullable(),
  birthYear: z.number().nullable(),
  arm: z.string().nullable(),
  cohort: z.string().nullable(),
  timepointCount: z.number(),
  lastScanDate: z.string().nullable(),
});

const therapyEdit = z.object({
  id: z.string().uuid(),
  agent: z.string().trim().min(1),
  line: z.number().int().min(1),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  endDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});

export const patientsRouter = router({
  list: publicProcedure
    .input(z.object({ search: z.string().max(100).optional(), armId: z.string().optional() }))
    .output(z.array(patientRow))
    .query(({ ctx, input }) => listPatients(ctx.db, input)),

  arms: publicProcedure.query(({ ctx }) => listArms(ctx.db)),

  detail: publicProcedure
    .input(z.object({ patientId: z.string().min(1) }))
    .query(({ ctx, input }) => getPatientDetail(ctx.db, input.patientId)),

  setBaseline: publicProcedure
    .input(z.object({ timepointId: z.string().uuid() }))
    .mutation(({ ctx, input }) => setBaseline(ctx.db, input.timepointId, 'web user')),

  importTherapy: publicProcedure
    .input(z.object({ text: z.string().max(5_000_000), format: z.enum(['csv', 'json']) }))
    .mutation(async ({ ctx, input }) => {
      const parsed = parseTherapyFile(input.text, input.format);
      if (parsed.errors.length) {
        throw new AppError('BAD_INPUT', parsed.errors.join('\n'));
      }

      return importTherapy(ctx.db, parsed.rows);
    }),

  updateTherapy: publicProcedure
    .input(therapyEdit)
    .mutation(({ ctx, input }) => updateTherapyEvent(ctx.db, input)),

  deleteTherapy: publicProcedure
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) => deleteTherapyEvent(ctx.db, input.id)),
});

function parseTherapyFile(text: string, format: 'csv' | 'json') {
  try {
    return parseTherapyText(text, format);
  } catch (err) {
    throw new AppError('BAD_INPUT', `The therapy file could not be read as ${format}.`, {
      cause: err,
    });
  }
}
