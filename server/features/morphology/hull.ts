/**
 * Incremental 3-D convex hull over a few thousand points (the mesh's row extremes). Faces
 * are outward-wound vertex triples; a point sees a face when it lies beyond its plane by
 * more than a small tolerance, so coplanar lattice points are simply absorbed.
 */

export interface ConvexHull {
  volumeMm3: number;
  areaMm2: number;
  /** Indices (into the input points) of the hull's vertices. */
  vertices: number[];
}

interface Face {
  a: number;
  b: number;
  c: number;
  normal: [number, number, number];
  offset: number;
}

type Points = Float64Array;

function coord(points: Points, i: number, axis: number): number {
  return points[3 * i + axis] ?? 0;
}

function cross(points: Points, a: number, b: number, c: number): [number, number, number] {
  const u = [0, 1, 2].map((k) => coord(points, b, k) - coord(points, a, k));
  const v = [0, 1, 2].map((k) => coord(points, c, k) - coord(points, a, k));

  return [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!,
    u[0]! * v[1]! - u[1]! * v[0]!];
}

function makeFace(points: Points, a: number, b: number, c: number): Face {
  const n = cross(points, a, b, c);
  const length = Math.hypot(...n) || 1;
  const normal: [number, number, number] = [n[0] / length, n[1] / length, n[2] / length];
  const offset = normal[0] * coord(points, a, 0) + normal[1] * coord(points, a, 1)
    + normal[2] * coord(points, a, 2);

  return { a, b, c, normal, offset };
}

function height(points: Points, face: Face, i: number): number {
  const n = face.normal;

  return n[0] * coord(points, i, 0) + n[1] * coord(points, i, 1) + n[2] * coord(points, i, 2)
    - face.offset;
}

function distance2(points: Points, i: number, j: number): number {
  let d = 0;
  for (let k = 0; k < 3; k++) d += (coord(points, i, k) - coord(points, j, k)) ** 2;

  return d;
}

function farthest(count: number, score: (i: number) => number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let i = 0; i < count; i++) {
    const s = score(i);
    if (s > bestScore) [best, bestScore] = [i, s];
  }

  return best;
}

/** Four points spanning a tetrahedron, or null when all points are coplanar. */
function initialSimplex(points: Points, count: number, tolerance: number): number[] | null {
  const p0 = farthest(count, (i) => -coord(points, i, 0));
  const p1 = farthest(count, (i) => distance2(points, p0, i));
  const p2 = farthest(count, (i) => Math.hypot(...cross(points, p0, p1, i)));
  const base = makeFace(points, p0, p1, p2);
  const p3 = farthest(count, (i) => Math.abs(height(points, base, i)));
  if (Math.abs(height(points, base, p3)) <= tolerance) return null;

  return [p0, p1, p2, p3];
}

function simplexFaces(points: Points, [p0, p1, p2, p3]: number[]): Face[] {
  const triples = [[p0, p1, p2], [p0, p1, p3], [p0, p2, p3], [p1, p2, p3]] as number[][];
  const apex = [p3, p2, p1, p0] as number[];

  return triples.map(([a, b, c], k) => {
    const face = makeFace(points, a!, b!, c!);

    return height(points, face, apex[k]!) > 0 ? makeFace(points, a!, c!, b!) : face;
  });
}

/** Deterministic shuffle so that the expected insertion cost holds for sorted input. */
function insertionOrder(count: number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  let seed = 12345;
  for (let i = count - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }

  return order;
}

function addPoint(points: Points, faces: Face[], p: number, tolerance: number): Face[] {
  const visible = faces.filter((f) => height(points, f, p) > tolerance);
  if (visible.length === 0) return faces;

  // Directed edges of the visible faces; an edge whose reverse is absent is on the horizon.
  const count = points.length / 3;
  const edges = new Set<number>();
  for (const f of visible) {
    edges.add(f.a * count + f.b).add(f.b * count + f.c).add(f.c * count + f.a);
  }
  const kept = faces.filter((f) => height(points, f, p) <= tolerance);
  for (const key of edges) {
    const [u, v] = [Math.floor(key / count), key % count];
    if (!edges.has(v * count + u)) kept.push(makeFace(points, u, v, p));
  }

  return kept;
}

function measure(points: Points, faces: Face[]): ConvexHull {
  let volume = 0;
  let area = 0;
  const vertices = new Set<number>();
  for (const f of faces) {
    const n = cross(points, f.a, f.b, f.c);
    area += Math.hypot(...n) / 2;
    volume += (n[0] * coord(points, f.a, 0) + n[1] * coord(points, f.a, 1)
      + n[2] * coord(points, f.a, 2)) / 6;
    vertices.add(f.a).add(f.b).add(f.c);
  }

  return { volumeMm3: Math.abs(volume), areaMm2: area, vertices: [...vertices] };
}

/** Hull of xyz points; degenerate (flat) point sets give volume 0 and every point. */
export function convexHull(points: Points): ConvexHull {
  const count = points.length / 3;
  let extent = 0;
  for (const x of points) extent = Math.max(extent, Math.abs(x));
  const tolerance = 1e-9 * Math.max(1, extent);
  const simplex = count >= 4 ? initialSimplex(points, count, tolerance) : null;
  if (!simplex) {
    return { volumeMm3: 0, areaMm2: 0, vertices: Array.from({ length: count }, (_, i) => i) };
  }

  let faces = simplexFaces(points, simplex);
  for (const p of insertionOrder(count)) faces = addPoint(points, faces, p, tolerance);

  return measure(points, faces);
}

/** Largest distance between any two of the given points (hull vertices). */
export function maximumDiameter(points: Points, indices: number[]): number {
  let best = 0;
  for (let a = 0; a < indices.length; a++) {
    for (let b = a + 1; b < indices.length; b++) {
      best = Math.max(best, distance2(points, indices[a]!, indices[b]!));
    }
  }

  return Math.sqrt(best);
}
