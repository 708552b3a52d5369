import { z } from 'zod';

import { addRecistRules, addPercistRules } from './input-rules';

/**
 * What a caller hands to assessResponse. Objects are strict so that a misspelt field
 * ("diameter_mm") is reported instead of silently read as "not measured". The first
 * timepoint is the baseline; timepoints are listed oldest first.
 */

const lesionId = z.string().min(1);
const organ = z.string().min(1);
const isoDate = z.iso.date();

export const confirmationSchema = z.strictObject({
  /** Whether CR and PR need a later assessment confirming them. */
  required: z.boolean(),
  /** Days between a response and the assessment that confirms it (RECIST: >= 28). */
  minDays: z.number().int().nonnegative(),
  /** Days from baseline before SD counts as a best response (protocol, often 42-56). */
  sdMinDays: z.number().int().nonnegative(),
});

export const targetMeasurementSchema = z.strictObject({
  id: lesionId,
  organ,
  node: z.boolean(),
  /** Longest diameter; for a lymph node, its short axis. 0 means the lesion has gone. */
  diameterMm: z.number().nonnegative().optional(),
  /** Present but too small to measure: counts as 5 mm whatever diameterMm says. */
  tooSmall: z.boolean().optional(),
  notEvaluated: z.boolean().optional(),
});

export const nonTargetStatusSchema = z.strictObject({
  id: lesionId,
  /**
   * "absent": gone (a node: back under 10 mm short axis). "progression": unequivocal
   * growth; under iRECIST, at the assessment after iUPD it means further growth since
   * iUPD. A baseline non-target left out of a follow-up counts as not evaluated.
   */
  status: z.enum(['present', 'absent', 'progression']),
});

/** Every new lesion visible on this scan; one not listed any more has resolved. */
export const newLesionSchema = z.strictObject({
  id: lesionId,
  organ,
  node: z.boolean(),
  diameterMm: z.number().nonnegative().optional(),
  shortAxisMm: z.number().nonnegative().optional(),
  unequivocal: z.boolean(),
});

export const recistTimepointSchema = z.strictObject({
  date: isoDate,
  /** Reconstructed slice thickness; raises the measurable minimum to twice this. */
  sliceThicknessMm: z.number().positive().optional(),
  targets: z.array(targetMeasurementSchema),
  nonTargets: z.array(nonTargetStatusSchema).default([]),
  newLesions: z.array(newLesionSchema).default([]),
});

export const petLesionSchema = z.strictObject({ id: lesionId, sulPeak: z.number().nonnegative() });

export const petNewLesionSchema = z.strictObject({
  id: lesionId,
  organ: organ.optional(),
  unequivocal: z.boolean(),
});

export const percistTimepointSchema = z.strictObject({
  date: isoDate,
  /** Liver reference: SUL mean and standard deviation in a 3 cm sphere in the right lobe. */
  liver: z.strictObject({ sulMean: z.number().positive(), sulSd: z.number().nonnegative() }),
  /** The lesions measured on this scan; the hottest of them stands for the scan. */
  lesions: z.array(petLesionSchema),
  /**
   * FDG-avid lesions other than the hottest baseline lesion, judged by eye: "absent" once
   * back to background, "progression" for unequivocal progression. Fixed at the baseline,
   * where each is "present"; one may also be listed under lesions with its SULpeak. A
   * baseline non-target left out of a follow-up was not assessed there.
   */
  nonTargets: z.array(nonTargetStatusSchema).default([]),
  newLesions: z.array(petNewLesionSchema).default([]),
  /** Minutes from injection to scan start. */
  uptakeTimeMin: z.number().positive().optional(),
});

const recistInputSchema = z
  .strictObject({
    criteria: z.enum(['recist1.1', 'irecist']),
    confirmation: confirmationSchema.optional(),
    timepoints: z.array(recistTimepointSchema).min(1),
  })
  .superRefine(addRecistRules);

const percistInputSchema = z
  .strictObject({
    criteria: z.literal('percist1.0'),
    confirmation: confirmationSchema.optional(),
    timepoints: z.array(percistTimepointSchema).min(1),
  })
  .superRefine(addPercistRules);

export const responseInputSchema = z.discriminatedUnion('criteria', [
  recistInputSchema,
  percistInputSchema,
]);

/** What callers write (defaults may be left out). */
export type ResponseInput = z.input<typeof responseInputSchema>;
/** What the engines receive after validation. */
export type ParsedResponseInput = z.output<typeof responseInputSchema>;
export type RecistInput = z.output<typeof recistInputSchema>;
export type PercistInput = z.output<typeof percistInputSchema>;
export type RecistTimepoint = z.output<typeof recistTimepointSchema>;
export type PercistTimepoint = z.output<typeof percistTimepointSchema>;
export type TargetMeasurement = z.output<typeof targetMeasurementSchema>;
export type NonTargetStatus = z.output<typeof nonTargetStatusSchema>;
export type NewLesion = z.output<typeof newLesionSchema>;
export type Confirmation = z.output<typeof confirmationSchema>;
