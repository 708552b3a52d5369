import { z } from 'zod';

import {
  CRITERIA,
  NEW_LESION_STATES,
  NON_TARGET_CATEGORIES,
  OVERALL_CATEGORIES,
  TARGET_CATEGORIES,
} from '../categories';

/**
 * What assessResponse returns. Percentages are rounded to 0.1 and millimetres to 0.01 so
 * that floating-point noise never reaches a screen; the decisions use unrounded values.
 */

export const overallCategorySchema = z.enum(OVERALL_CATEGORIES);

export const timepointResultSchema = z.object({
  date: z.string(),
  /** Sum of target diameters (short axis for nodes); for NE, the evaluated part only. */
  sumMm: z.number().optional(),
  nadirMm: z.number().optional(),
  changeFromBaselinePct: z.number().optional(),
  changeFromNadirPct: z.number().optional(),
  target: z.enum(TARGET_CATEGORIES).optional(),
  nonTarget: z.enum(NON_TARGET_CATEGORIES).optional(),
  newLesions: z.enum(NEW_LESION_STATES).optional(),
  /** PERCIST: SULpeak of the hottest lesion on this scan and which lesion it was. */
  sulPeak: z.number().optional(),
  hottestLesionId: z.string().optional(),
  changeFromBaselineSul: z.number().optional(),
  /** Null at baseline, which is the reference and has no response. */
  overall: overallCategorySchema.nullable(),
  /** Some lesions progress while others respond on this scan. */
  mixedResponse: z.boolean().optional(),
  warnings: z.array(z.string()),
  /** The rules that decided this timepoint, as sentences with their numbers. */
  trace: z.array(z.string()),
});

export const lesionPointSchema = z.object({
  date: z.string(),
  /** Millimetres for RECIST and iRECIST, SULpeak for PERCIST. */
  value: z.number().optional(),
  changeFromBaselinePct: z.number().optional(),
  changeFromNadirPct: z.number().optional(),
  status: z.enum(['baseline', 'responding', 'stable', 'progressing', 'not evaluated']),
});

export const lesionTrajectorySchema = z.object({
  id: z.string(),
  unit: z.enum(['mm', 'SUL']),
  points: z.array(lesionPointSchema),
});

export const responseOutputSchema = z.object({
  criteria: z.enum(CRITERIA),
  timepoints: z.array(timepointResultSchema),
  bestOverallResponse: overallCategorySchema,
  bestOverallTrace: z.array(z.string()),
  lesions: z.array(lesionTrajectorySchema).optional(),
  mixedResponse: z.boolean().optional(),
  /** Every timepoint warning, prefixed with its date, plus baseline checks. */
  warnings: z.array(z.string()),
});

export type TimepointResult = z.infer<typeof timepointResultSchema>;
export type LesionPoint = z.infer<typeof lesionPointSchema>;
export type LesionTrajectory = z.infer<typeof lesionTrajectorySchema>;
export type ResponseOutput = z.infer<typeof responseOutputSchema>;
/** What one criteria engine returns before per-lesion trajectories are added. */
export type CriteriaResult = Omit<ResponseOutput, 'lesions' | 'mixedResponse'>;
