import { z } from 'zod';

import { CRITERIA } from '@/server/response/categories';
import { responseInputSchema } from '@/server/response/schema/input';
import { responseOutputSchema } from '@/server/response/schema/output';
import { assessPatient, saveOverride } from '@/server/response-store';

import { publicProcedure, router } from '../trpc';

/** Who the web app records as author of an override until there are user accounts. */
const WEB_USER = 'web user';

const note = z.object({ changedBy: z.string(), changedAt: z.string() }).nullable();

const cell = z.object({
  timepointId: z.string(), present: z.boolean().nullable(), segmentMaskId: z.string().nullable(),
  longestDiameterMm: z.number().nullable(), shortAxisMm: z.number().nullable(),
  valueMm: z.number().nullable(), tooSmall: z.boolean(), propagated: z.boolean(),
  diameterOverride: note,
  nonTargetStatus: z.enum(['present', 'absent', 'progression']).nullable(),
  nonTargetOverride: note,
  newLesionStatus: z.enum(['unequivocal', 'equivocal', 'not-new']).nullable(),
  newLesionOverride: note,
});

const patientResponse = z.object({
  patientId: z.string(),
  criteria: z.enum(CRITERIA),
  timepoints: z.array(z.object({
    id: z.string(), date: z.string(), isBaseline: z.boolean(), evaluated: z.boolean(),
    evaluatedOverride: note,
  })),
  lesions: z.array(z.object({
    trackId: z.string(), label: z.string(), organ: z.string(), node: z.boolean(),
    organSource: z.enum(['seg', 'reader', 'unknown']),
    role: z.enum(['target', 'non-target', 'none']),
    roleSource: z.enum(['suggested', 'reader']), isNew: z.boolean(), cells: z.array(cell),
  })),
  suggestion: z.object({
    targets: z.array(z.string()), nonTargets: z.array(z.string()),
    normalNodes: z.array(z.string()), trace: z.array(z.string()),
  }),
  input: responseInputSchema.nullable(),
  result: responseOutputSchema,
  notEvaluable: z.string().nullable(),
});

const overrideValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organ'), organ: z.string().trim().min(1), node: z.boolean() }),
  z.object({ kind: z.literal('role'), role: z.enum(['target', 'non-target', 'none']) }),
  z.object({
    kind: z.literal('diameter'), diameterMm: z.number().nonnegative().nullable(),
    tooSmall: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('non-target'), status: z.enum(['present', 'absent', 'progression']) }),
  z.object({
    kind: z.literal('new-lesion'), status: z.enum(['unequivocal', 'equivocal', 'not-new']),
  }),
  z.object({ kind: z.literal('timepoint'), evaluated: z.boolean() }),
]);

const overrideInput = z.object({
  patientId: z.string().min(1),
  kind: z.enum(['organ', 'role', 'diameter', 'non-target', 'new-lesion', 'timepoint']),
  trackId: z.string().uuid().optional(),
  timepointId: z.string().uuid().optional(),
  /** null clears the override and brings the automatic value back. */
  value: overrideValue.nullable(),
});

export const responseRouter = router({
  assess: publicProcedure
    .input(z.object({ patientId: z.string().min(1), criteria: z.enum(CRITERIA) }))
    .output(patientResponse)
    .query(({ ctx, input }) =>
      assessPatient(ctx.db, ctx.dataDir, input.patientId, input.criteria)),

  override: publicProcedure.input(overrideInput).output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await saveOverride(ctx.db, { ...input, changedBy: WEB_USER });

      return { ok: true as const };
    }),
});
