import { mm } from '../numbers';
import type { RecistTimepoint } from '../schema/input';
import { classifyLesion } from './measurability';
import { RECIST_LIMITS, organKey } from './target-selection';

/**
 * Checks the chosen baseline targets against RECIST 1.1's rules. Breaking them does
 * not stop the assessment (a site may have reasons), but every breach is a warning.
 */

function countPerOrgan(baseline: RecistTimepoint): Map<string, number> {
  const counts = new Map<string, number>();
  for (const target of baseline.targets) {
    const key = organKey(target);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  return counts;
}

export function checkBaselineTargets(baseline: RecistTimepoint): string[] {
  const warnings: string[] = [];
  for (const target of baseline.targets) {
    const verdict = classifyLesion({
      node: target.node,
      diameterMm: target.diameterMm ?? 0,
      sliceThicknessMm: baseline.sliceThicknessMm,
    });
    if (verdict.kind !== 'measurable') {
      warnings.push(`target ${target.id} is not measurable (${verdict.reason}); use a non-target`);
    }
  }
  if (baseline.targets.length > RECIST_LIMITS.maxTotal) {
    warnings.push(`${baseline.targets.length} targets chosen; RECIST 1.1 allows at most 5`);
  }
  for (const [organ, count] of countPerOrgan(baseline)) {
    if (count > RECIST_LIMITS.maxPerOrgan) {
      warnings.push(`${count} targets in ${organ}; RECIST 1.1 allows at most 2 per organ`);
    }
  }

  return warnings;
}

export function baselineSentence(baseline: RecistTimepoint, sumMm: number): string {
  const targets = baseline.targets.length;
  const nonTargets = baseline.nonTargets.length;

  return (
    `baseline: ${targets} target(s), sum ${mm(sumMm)} (short axis for nodes); ` +
    `${nonTargets} non-target(s)`
  );
}
