/**
 * Minimum-cost assignment (the Hungarian method, Kuhn–Munkres with row and column
 * potentials, O(n²·m)). Rows are assigned to distinct columns; with more columns than
 * rows some columns stay free. Forbidden pairs should carry a large finite cost (the
 * caller drops them afterwards); Infinity would poison the potentials.
 */

/** For each row, the column it gets. `costs` is rows x columns with rows ≤ columns. */
export function solveAssignment(costs: number[][]): number[] {
  const n = costs.length;
  if (n === 0) return [];
  const m = costs[0]?.length ?? 0;
  if (m < n) {
    throw new Error(`The assignment needs at least as many columns (${m}) as rows (${n}).`);
  }

  // 1-based arrays with a virtual column 0, as in the classic formulation.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOfColumn = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  for (let row = 1; row <= n; row++) {
    rowOfColumn[0] = row;
    augment(costs, row, u, v, rowOfColumn, way);
  }

  const assignment = new Array<number>(n).fill(-1);
  for (let col = 1; col <= m; col++) {
    const row = rowOfColumn[col] ?? 0;
    if (row > 0) assignment[row - 1] = col - 1;
  }

  return assignment;
}

/** Grows the matching by one row along a shortest augmenting path (Dijkstra-like). */
function augment(
  costs: number[][],
  row: number,
  u: Float64Array,
  v: Float64Array,
  rowOfColumn: Int32Array,
  way: Int32Array,
): void {
  const m = v.length - 1;
  const minSlack = new Float64Array(m + 1).fill(Infinity);
  const used = new Uint8Array(m + 1);
  let col0 = 0;
  do {
    used[col0] = 1;
    const r = rowOfColumn[col0] ?? 0;
    let delta = Infinity;
    let nextCol = 0;
    for (let col = 1; col <= m; col++) {
      if (used[col]) continue;
      const slack = (costs[r - 1]?.[col - 1] ?? 0) - (u[r] ?? 0) - (v[col] ?? 0);
      if (slack < (minSlack[col] ?? Infinity)) {
        minSlack[col] = slack;
        way[col] = col0;
      }
      if ((minSlack[col] ?? Infinity) < delta) {
        delta = minSlack[col] ?? Infinity;
        nextCol = col;
      }
    }
    for (let col = 0; col <= m; col++) {
      if (used[col]) {
        const rr = rowOfColumn[col] ?? 0;
        u[rr] = (u[rr] ?? 0) + delta;
        v[col] = (v[col] ?? 0) - delta;
      } else {
        minSlack[col] = (minSlack[col] ?? 0) - delta;
      }
    }
    col0 = nextCol;
  } while ((rowOfColumn[col0] ?? 0) !== 0);

  do {
    const prev = way[col0] ?? 0;
    rowOfColumn[col0] = rowOfColumn[prev] ?? 0;
    col0 = prev;
  } while (col0 !== 0);
}

/** Total cost of an assignment, for tests and diagnostics. */
export function assignmentCost(costs: number[][], assignment: number[]): number {
  return assignment.reduce((sum, col, row) => sum + (costs[row]?.[col] ?? 0), 0);
}
