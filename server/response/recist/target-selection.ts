import { mm } from '../numbers';
import { classifyLesion } from './measurability';

/**
 * Suggests baseline targets the RECIST 1.1 way (section 4.2): measurable lesions only,
 * at most 5 in all and 2 per organ, all lymph nodes together counting as one organ,
 * largest first. A reader may still prefer a smaller lesion that measures more
 * reproducibly; this is a starting point, not a decision.
 */

export interface CandidateLesion {
  id: string;
  organ: string;
  node: boolean;
  /** Longest diameter, or short axis for a node. */
  diameterMm: number;
}

export interface SelectionLimits {
  maxTotal: number;
  maxPerOrgan: number;
  sliceThicknessMm?: number;
}

export interface TargetSuggestion {
  targets: string[];
  nonTargets: string[];
  /** Nodes under 10 mm short axis: normal, recorded neither way. */
  normalNodes: string[];
  trace: string[];
}

export const RECIST_LIMITS: SelectionLimits = { maxTotal: 5, maxPerOrgan: 2 };

export function organKey(lesion: { organ: string; node: boolean }): string {
  return lesion.node ? 'lymph nodes' : lesion.organ.trim().toLowerCase();
}

function largestFirst(a: CandidateLesion, b: CandidateLesion): number {
  return b.diameterMm - a.diameterMm || a.id.localeCompare(b.id);
}

export function suggestTargets(
  lesions: CandidateLesion[],
  limits: SelectionLimits = RECIST_LIMITS,
): TargetSuggestion {
  const result: TargetSuggestion = { targets: [], nonTargets: [], normalNodes: [], trace: [] };
  const perOrgan = new Map<string, number>();

  for (const lesion of [...lesions].sort(largestFirst)) {
    const verdict = classifyLesion({ ...lesion, sliceThicknessMm: limits.sliceThicknessMm });
    const organ = organKey(lesion);
    const used = perOrgan.get(organ) ?? 0;
    if (verdict.kind === 'normal node') {
      result.normalNodes.push(lesion.id);
      result.trace.push(`${lesion.id}: ${verdict.reason}, not recorded`);
    } else if (verdict.kind === 'non-measurable') {
      result.nonTargets.push(lesion.id);
      result.trace.push(`${lesion.id}: non-target, ${verdict.reason}`);
    } else if (result.targets.length >= limits.maxTotal) {
      result.nonTargets.push(lesion.id);
      result.trace.push(`${lesion.id}: non-target, already ${limits.maxTotal} targets`);
    } else if (used >= limits.maxPerOrgan) {
      result.nonTargets.push(lesion.id);
      result.trace.push(`${lesion.id}: non-target, ${organ} already has ${used} targets`);
    } else {
      perOrgan.set(organ, used + 1);
      result.targets.push(lesion.id);
      result.trace.push(`${lesion.id}: target (${organ}, ${mm(lesion.diameterMm)})`);
    }
  }

  return result;
}
