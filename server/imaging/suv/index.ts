export { computeSuvFactors } from './factors';
export type { PetSuvMetadata, SuvFactorResult } from './metadata';
export { janmahasatianLbmKg } from './lean-body-mass';
