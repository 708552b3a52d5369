export type { CohortOptions, CohortSummary } from './cohort';
export { generateCohort, planCohort } from './cohort';
export type * from './ground-truth';
export type { PhantomSize } from './grids';
export { PHANTOM_SIZES } from './grids';
