import { atLeast, percentChange } from '../numbers';

/**
 * RECIST 1.1 size thresholds (Eisenhauer et al., Eur J Cancer 2009;45:228-247, section
 * 4.3). They are shared by the sum of target diameters and by per-lesion trajectories.
 */

/** PR: at least a 30% decrease of the sum, taking the baseline sum as reference. */
export const PR_DECREASE_PCT = 30;
/** PD: at least a 20% increase over the nadir ... */
export const PD_INCREASE_PCT = 20;
/** ... which must also be at least 5 mm in absolute terms. */
export const PD_INCREASE_MM = 5;

export interface ProgressionCheck {
  met: boolean;
  /** Whether the percentage part alone is met (to explain a failed 5 mm rule). */
  percentMet: boolean;
  changePct: number | undefined;
  deltaMm: number;
}

/** A nadir of 0 mm makes any growth an unbounded percentage, so only the 5 mm rule bites. */
export function checkProgression(valueMm: number, nadirMm: number): ProgressionCheck {
  const deltaMm = valueMm - nadirMm;
  const changePct = percentChange(valueMm, nadirMm);
  const percentMet =
    changePct === undefined ? deltaMm > 0 : atLeast(changePct, PD_INCREASE_PCT);

  return { met: percentMet && atLeast(deltaMm, PD_INCREASE_MM), percentMet, changePct, deltaMm };
}

export function checkPartialResponse(valueMm: number, baselineMm: number) {
  const changePct = percentChange(valueMm, baselineMm);
  const met = changePct !== undefined && atLeast(-changePct, PR_DECREASE_PCT);

  return { met, changePct };
}
