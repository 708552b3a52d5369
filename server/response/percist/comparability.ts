import { exceeds, percentChange, pct, sul } from '../numbers';
import type { PercistTimepoint } from '../schema/input';

/**
 * PERCIST 1.0 asks that a follow-up be comparable with the baseline before changes in
 * SUL are read as response: liver SUL mean within 20% and 0.3 SUL units, uptake time
 * within 15 minutes. Breaches are warnings; the category is still reported.
 */

export const LIVER_MAX_CHANGE_PCT = 20;
export const LIVER_MAX_CHANGE_SUL = 0.3;
export const UPTAKE_MAX_DIFFERENCE_MIN = 15;

function liverWarning(baseline: PercistTimepoint, point: PercistTimepoint): string | undefined {
  const before = baseline.liver.sulMean;
  const now = point.liver.sulMean;
  const changePct = percentChange(now, before) ?? 0;
  const delta = now - before;
  const tooFar =
    exceeds(Math.abs(changePct), LIVER_MAX_CHANGE_PCT) ||
    exceeds(Math.abs(delta), LIVER_MAX_CHANGE_SUL);
  if (!tooFar) return undefined;

  return (
    `liver SUL mean ${sul(now)} vs baseline ${sul(before)} is ${pct(changePct)} and ` +
    `${sul(delta, true)} SUL (PERCIST wants within 20% and 0.3); the scans may not be comparable`
  );
}

function uptakeWarning(baseline: PercistTimepoint, point: PercistTimepoint): string | undefined {
  if (baseline.uptakeTimeMin === undefined || point.uptakeTimeMin === undefined) return undefined;

  const difference = point.uptakeTimeMin - baseline.uptakeTimeMin;
  if (!exceeds(Math.abs(difference), UPTAKE_MAX_DIFFERENCE_MIN)) return undefined;

  return (
    `uptake time ${point.uptakeTimeMin} min vs baseline ${baseline.uptakeTimeMin} min differs by ` +
    `${Math.abs(difference)} min (PERCIST wants within 15); SUL values may not be comparable`
  );
}

export function comparabilityWarnings(
  baseline: PercistTimepoint,
  point: PercistTimepoint,
): string[] {
  return [liverWarning(baseline, point), uptakeWarning(baseline, point)].filter(
    (w): w is string => w !== undefined,
  );
}
