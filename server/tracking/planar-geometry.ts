/**
 * Diameters of a set of pixels in one slice, each pixel taken as the full square it
 * covers (edge to edge, as a caliper on the screen measures a lesion's outline):
 * - the longest diameter is the largest distance between any two points of the union of
 *   squares, reached between two square corners on the convex hull;
 * - the perpendicular diameter is the longest segment perpendicular to it whose ends lie
 *   on the lesion: for each line perpendicular to the long axis, the span between the
 *   first and last point of the lesion on that line, maximised over the lines.
 * Coordinates are in-slice millimetres (the direction matrix is orthonormal).
 */

export type Point2 = [number, number];

function cross(o: Point2, a: Point2, b: Point2): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** The last two points of the chain and p do not make a strict left turn. */
function turnsRight(chain: Point2[], p: Point2): boolean {
  const a = chain[chain.length - 2];
  const b = chain[chain.length - 1];

  return a !== undefined && b !== undefined && cross(a, b, p) <= 0;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, no repeated end point. */
export function convexHull(points: Point2[]): Point2[] {
  const sorted = [...points].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const half = (list: Point2[]) => {
    const chain: Point2[] = [];
    for (const p of list) {
      while (chain.length >= 2 && turnsRight(chain, p)) chain.pop();
      chain.push(p);
    }
    chain.pop();

    return chain;
  };

  return [...half(sorted), ...half([...sorted].reverse())];
}

export interface Diameter {
  lengthMm: number;
  from: Point2;
  to: Point2;
}

/** Corners of the squares of pixel centres `centres`, half-sizes hx and hy. */
export function squareCorners(centres: Point2[], hx: number, hy: number): Point2[] {
  return centres.flatMap(([x, y]) => [
    [x - hx, y - hy], [x + hx, y - hy], [x - hx, y + hy], [x + hx, y + hy],
  ] as Point2[]);
}

export function longestDiameter(corners: Point2[]): Diameter {
  const hull = convexHull(corners);
  let best: Diameter = { lengthMm: 0, from: [0, 0], to: [0, 0] };
  for (let a = 0; a < hull.length; a++) {
    for (let b = a + 1; b < hull.length; b++) {
      const p = hull[a]!;
      const q = hull[b]!;
      const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (d > best.lengthMm + 1e-9) best = { lengthMm: d, from: p, to: q };
    }
  }

  return best;
}

/**
 * Longest span perpendicular to the unit direction `u` over the squares centred at
 * `centres` (half-sizes hx, hy). The span along one line runs between the first and
 * last boundary square it crosses, and it changes linearly between the lines through
 * square corners, so its maximum lies on one of those lines: each is tried, exactly.
 */
export function perpendicularDiameter(
  centres: Point2[],
  hx: number,
  hy: number,
  u: Point2,
): number {
  const edge = boundaryCentres(centres, hx, hy);
  const v: Point2 = [-u[1], u[0]];
  const along = edge.map(([x, y]) => x * u[0] + y * u[1]);
  const candidates = new Set(squareCorners(edge, hx, hy).map(([x, y]) => x * u[0] + y * u[1]));
  let best = 0;
  for (const s of candidates) {
    let min = Infinity;
    let max = -Infinity;
    edge.forEach((c, n) => {
      const span = chordThroughSquare(c, hx, hy, u, v, s - (along[n] ?? 0));
      if (!span) return;
      min = Math.min(min, span[0]);
      max = Math.max(max, span[1]);
    });
    if (max > min) best = Math.max(best, max - min);
  }

  return best;
}

/** Squares with at least one side not shared with another square of the set. */
export function boundaryCentres(centres: Point2[], hx: number, hy: number): Point2[] {
  const key = (x: number, y: number) => `${Math.round(x / hx)},${Math.round(y / hy)}`;
  const present = new Set(centres.map(([x, y]) => key(x, y)));

  return centres.filter(([x, y]) =>
    !present.has(key(x - 2 * hx, y)) || !present.has(key(x + 2 * hx, y))
    || !present.has(key(x, y - 2 * hy)) || !present.has(key(x, y + 2 * hy)));
}

/**
 * Where the line s·u + t·v crosses the square centred at c, as an interval of t; the
 * line passes `offset` = s − c·u from the centre along u.
 */
function chordThroughSquare(
  c: Point2, hx: number, hy: number, u: Point2, v: Point2, offset: number,
): [number, number] | undefined {
  // Points on the line: x = c + offset·u + t·v; inside when |x − c| ≤ (hx, hy).
  let tMin = -Infinity;
  let tMax = Infinity;
  for (const [axis, half] of [[0, hx], [1, hy]] as const) {
    const base = offset * u[axis];
    const slope = v[axis];
    if (Math.abs(slope) < 1e-12) {
      if (Math.abs(base) > half + 1e-9) return undefined;
      continue;
    }
    const t1 = (-half - base) / slope;
    const t2 = (half - base) / slope;
    tMin = Math.max(tMin, Math.min(t1, t2));
    tMax = Math.min(tMax, Math.max(t1, t2));
  }
  if (tMin > tMax + 1e-9) return undefined;
  const centreT = c[0] * v[0] + c[1] * v[1];

  return [centreT + tMin, centreT + tMax];
}
