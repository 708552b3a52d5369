import { describe, expect, it } from 'vitest';
import { assignmentCost, solveAssignment } from '../hungarian';

function bruteForceMinimum(costs: number[][]): number {
  const n = costs.length;
  const m = costs[0]?.length ?? 0;
  let best = Infinity;
  const visit = (row: number, used: Set<number>, sum: number) => {
    if (row === n) {
      best = Math.min(best, sum);
      return;
    }
    for (let col = 0; col < m; col++) {
      if (used.has(col)) continue;
      used.add(col);
      visit(row + 1, used, sum + (costs[row]?.[col] ?? 0));
      used.delete(col);
    }
  };
  visit(0, new Set(), 0);

  return best;
}

describe('solveAssignment', () => {
  it('solves a 3 x 3 problem worked by hand', () => {
    // Of the six permutations, rows → columns (1, 0, 2) costs 1 + 2 + 2 = 5; the next
    // best, (0, 1, 2) and (2, 1, 0), cost 6.
    const costs = [[4, 1, 3], [2, 0, 5], [3, 2, 2]];

    expect(solveAssignment(costs)).toEqual([1, 0, 2]);
  });

  it('beats the greedy choice', () => {
    // Greedy takes the cheapest pair (0, 0) = 1 and is left with (1, 1) = 10: 11 in all.
    // Crossing over costs 2 + 2 = 4.
    expect(solveAssignment([[1, 2], [2, 10]])).toEqual([1, 0]);
  });

  it('leaves surplus columns free', () => {
    // One row, three columns: it takes the cheapest.
    expect(solveAssignment([[5, 3, 4]])).toEqual([1]);
  });

  it('refuses more rows than columns', () => {
    expect(() => solveAssignment([[1], [2]])).toThrow(
      'The assignment needs at least as many columns (1) as rows (2).',
    );
  });

  it('matches brute force on fixed pseudo-random 6 x 7 problems', () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 20; trial++) {
      const costs = [...Array(6)].map(() => [...Array(7)].map(() => Math.round(next() * 50)));
      const assignment = solveAssignment(costs);

      expect(new Set(assignment).size).toBe(6);
      expect(assignmentCost(costs, assignment)).toBe(bruteForceMinimum(costs));
    }
  });
});
