import type { ResponseInput } from '../schema/input';

/** Small builders so each test reads as its worked numbers. */

type RecistInput = Extract<ResponseInput, { criteria: 'recist1.1' | 'irecist' }>;
type RecistPoint = RecistInput['timepoints'][number];
type Target = RecistPoint['targets'][number];
type NewLesion = NonNullable<RecistPoint['newLesions']>[number];

export function lesion(id: string, diameterMm: number, organ = 'liver'): Target {
  return { id, organ, node: false, diameterMm };
}

export function node(id: string, shortAxisMm: number): Target {
  return { id, organ: 'lymph node', node: true, diameterMm: shortAxisMm };
}

export function newLesion(id: string, extra: Partial<NewLesion> = {}): NewLesion {
  return { id, organ: 'lung', node: false, diameterMm: 12, unequivocal: true, ...extra };
}

export function at(date: string, targets: Target[], extra: Partial<RecistPoint> = {}): RecistPoint {
  return { date, targets, ...extra };
}

export function recist(
  timepoints: RecistPoint[],
  extra: Partial<RecistInput> = {},
): RecistInput {
  return { criteria: 'recist1.1', timepoints, ...extra };
}
