/**
 * One step of matching: every open track (at its last known lesion, so a lesion that
 * vanished can be picked up again) against every lesion of the new timepoint, solved
 * jointly by the Hungarian method. The problem is padded so that leaving a track or a
 * lesion unmatched costs 0.5 each: a link is made only when its cost (at most 1) beats
 * leaving both ends alone, and only when allowed by the gates.
 */
import { solveAssignment } from './hungarian';
import { linkCost, type CostInput, type CostSettings, type LinkCost } from './match-cost';

export interface Link {
  row: number;
  col: number;
  cost: LinkCost;
  /** Cost of the best other allowed choice for either end; Infinity when none. */
  alternativeCost: number;
}

const UNMATCHED_COST = 0.5;
const FORBIDDEN_COST = 1e6;

export function assignStep(rows: CostInput[], cols: CostInput[], s: CostSettings): Link[] {
  const costs = rows.map((r) => cols.map((c) => linkCost(r, c, s)));
  const size = rows.length + cols.length;
  const matrix = [...Array(size)].map((_, i) =>
    [...Array(size)].map((__, j) => paddedCost(costs, rows.length, cols.length, i, j)));
  const assignment = solveAssignment(matrix);

  const links: Link[] = [];
  for (let row = 0; row < rows.length; row++) {
    const col = assignment[row] ?? -1;
    const cost = costs[row]?.[col];
    if (col >= cols.length || !cost?.allowed) continue;
    links.push({ row, col, cost, alternativeCost: alternative(costs, row, col) });
  }

  return links;
}

function paddedCost(costs: LinkCost[][], n: number, m: number, i: number, j: number): number {
  if (i < n && j < m) {
    const c = costs[i]?.[j];

    return c?.allowed ? c.cost : FORBIDDEN_COST;
  }
  if (i < n) return j - m === i ? UNMATCHED_COST : FORBIDDEN_COST;
  if (j < m) return i - n === j ? UNMATCHED_COST : FORBIDDEN_COST;

  return 0;
}

function alternative(costs: LinkCost[][], row: number, col: number): number {
  let best = Infinity;
  costs[row]?.forEach((c, j) => {
    if (j !== col && c.allowed) best = Math.min(best, c.cost);
  });
  costs.forEach((r, i) => {
    const c = r[col];
    if (i !== row && c?.allowed) best = Math.min(best, c.cost);
  });

  return best;
}

/**
 * Confidence of a link: 1 − cost, scaled down when another choice for either end was
 * nearly as cheap (within AMBIGUITY_MARGIN the scale falls linearly to 0), and by
 * gapPenalty for every timepoint the track was not seen.
 */
export const AMBIGUITY_MARGIN = 0.25;

export function linkConfidence(link: Link, missedTimepoints: number, gapPenalty: number): number {
  const margin = link.alternativeCost - link.cost.cost;
  const unambiguous = Math.min(1, Math.max(0, margin / AMBIGUITY_MARGIN));
  const value = (1 - link.cost.cost) * unambiguous * gapPenalty ** missedTimepoints;

  return Math.min(1, Math.max(0, value));
}
