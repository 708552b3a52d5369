import type {
  NewLesionState,
  NonTargetCategory,
  RecistOverall,
  TargetCategory,
} from '../categories';

/**
 * The RECIST 1.1 overall response tables: Table 1 (targets, with or without non-targets)
 * and Table 2 (non-targets only). PD in any component, or an unequivocal new lesion,
 * decides PD before anything else; an equivocal new lesion counts as none.
 */

export interface OverallInputs {
  target?: TargetCategory;
  nonTarget?: NonTargetCategory;
  newLesions: NewLesionState;
}

export interface OverallDecision {
  category: RecistOverall;
  reason: string;
}

function progression(c: OverallInputs): string | undefined {
  const causes: string[] = [];
  if (c.target === 'PD') causes.push('targets PD');
  if (c.nonTarget === 'PD') causes.push('non-targets PD');
  if (c.newLesions === 'unequivocal') causes.push('new lesions');

  return causes.length > 0 ? causes.join(' + ') : undefined;
}

function nonTargetOnly(nonTarget: NonTargetCategory | undefined): OverallDecision {
  if (nonTarget === 'CR') return { category: 'CR', reason: 'non-targets CR, no new lesions' };
  if (nonTarget === 'NE') return { category: 'NE', reason: 'non-targets not all evaluated' };

  return {
    category: 'non-CR/non-PD',
    reason: 'non-target disease persists without progression (Table 2)',
  };
}

export function combineOverall(c: OverallInputs): OverallDecision {
  const pd = progression(c);
  if (pd) return { category: 'PD', reason: pd };
  if (c.target === undefined) return nonTargetOnly(c.nonTarget);
  if (c.target === 'NE') return { category: 'NE', reason: 'targets not all evaluated' };

  const nonTarget = c.nonTarget ?? 'none at baseline';
  if (c.target === 'CR') {
    if (c.nonTarget === undefined || c.nonTarget === 'CR') {
      return { category: 'CR', reason: `targets CR, non-targets ${nonTarget}, no new lesions` };
    }

    return { category: 'PR', reason: `targets CR but non-targets ${nonTarget}` };
  }

  return {
    category: c.target,
    reason: `targets ${c.target}, non-targets ${nonTarget}, no new lesions`,
  };
}
