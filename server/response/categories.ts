/**
 * Category names exactly as the guidelines spell them. Components (target, non-target)
 * are always reported in RECIST 1.1 terms; the overall response uses the vocabulary of
 * the chosen criteria.
 */

export const CRITERIA = ['recist1.1', 'irecist', 'percist1.0'] as const;
export type Criteria = (typeof CRITERIA)[number];

export const TARGET_CATEGORIES = ['CR', 'PR', 'SD', 'PD', 'NE'] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

export const NON_TARGET_CATEGORIES = ['CR', 'non-CR/non-PD', 'PD', 'NE'] as const;
export type NonTargetCategory = (typeof NON_TARGET_CATEGORIES)[number];

/** Whether a scan shows new lesions that count, only equivocal ones, or none. */
export const NEW_LESION_STATES = ['none', 'equivocal', 'unequivocal'] as const;
export type NewLesionState = (typeof NEW_LESION_STATES)[number];

export const RECIST_OVERALL = ['CR', 'PR', 'SD', 'non-CR/non-PD', 'PD', 'NE'] as const;
export const IRECIST_OVERALL = [
  'iCR',
  'iPR',
  'iSD',
  'non-iCR/non-iUPD',
  'iUPD',
  'iCPD',
  'NE',
] as const;
export const PERCIST_OVERALL = ['CMR', 'PMR', 'SMD', 'PMD', 'NE'] as const;

export type RecistOverall = (typeof RECIST_OVERALL)[number];
export type IrecistOverall = (typeof IRECIST_OVERALL)[number];
export type PercistOverall = (typeof PERCIST_OVERALL)[number];
export type OverallCategory = RecistOverall | IrecistOverall | PercistOverall;

/** Every overall category once, for the output schema. */
export const OVERALL_CATEGORIES = [
  ...RECIST_OVERALL,
  ...IRECIST_OVERALL.filter((c) => c !== 'NE'),
  ...PERCIST_OVERALL.filter((c) => c !== 'NE'),
] as [OverallCategory, ...OverallCategory[]];
