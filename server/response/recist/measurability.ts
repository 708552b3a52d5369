import { mm } from '../numbers';

/**
 * Baseline measurability under RECIST 1.1 (section 3.1 and the lymph-node paper, Schwartz
 * et al., Eur J Cancer 2009;45:261-267). Non-nodal lesions are measured by their longest
 * diameter, lymph nodes by their short axis.
 */

/** Smallest measurable longest diameter on CT/MR with slices of 5 mm or less. */
export const MIN_MEASURABLE_MM = 10;
/** A node is pathological from 10 mm short axis ... */
export const NODE_PATHOLOGICAL_MM = 10;
/** ... and measurable (target-eligible) from 15 mm short axis. */
export const NODE_MEASURABLE_MM = 15;

export type MeasurabilityKind = 'measurable' | 'non-measurable' | 'normal node';

export interface MeasurabilityInput {
  node: boolean;
  /** Longest diameter, or short axis for a node. */
  diameterMm: number;
  sliceThicknessMm?: number;
}

export interface Measurability {
  kind: MeasurabilityKind;
  minimumMm: number;
  reason: string;
}

/** Thick slices blur small lesions, so RECIST raises the minimum to two slice widths. */
export function minimumDiameterMm(sliceThicknessMm?: number): number {
  return Math.max(MIN_MEASURABLE_MM, 2 * (sliceThicknessMm ?? 0));
}

function classifyNode(shortAxisMm: number): Measurability {
  const size = `short axis ${mm(shortAxisMm)}`;
  if (shortAxisMm < NODE_PATHOLOGICAL_MM) {
    const reason = `${size} < 10 mm: normal`;

    return { kind: 'normal node', minimumMm: NODE_MEASURABLE_MM, reason };
  }
  if (shortAxisMm < NODE_MEASURABLE_MM) {
    const reason = `${size} is 10 to < 15 mm: pathological but non-target`;

    return { kind: 'non-measurable', minimumMm: NODE_MEASURABLE_MM, reason };
  }

  return { kind: 'measurable', minimumMm: NODE_MEASURABLE_MM, reason: `${size} >= 15 mm` };
}

export function classifyLesion(lesion: MeasurabilityInput): Measurability {
  if (lesion.node) return classifyNode(lesion.diameterMm);

  const minimumMm = minimumDiameterMm(lesion.sliceThicknessMm);
  const why = lesion.sliceThicknessMm
    ? `the larger of 10 mm and twice the ${mm(lesion.sliceThicknessMm)} slice`
    : '10 mm';
  const size = `longest diameter ${mm(lesion.diameterMm)}`;
  if (lesion.diameterMm >= minimumMm) {
    return { kind: 'measurable', minimumMm, reason: `${size} >= ${mm(minimumMm)} (${why})` };
  }

  return { kind: 'non-measurable', minimumMm, reason: `${size} < ${mm(minimumMm)} (${why})` };
}
