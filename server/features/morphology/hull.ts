/**
 * Incremental 3-D convex hull over a few thousand points (the mesh's row extremes). Faces
 * are outward-wound vertex triples; a point sees a face when it lies beyond its plane by
 * more than a small tolerance, so coplanar lattice points are simply absorbed.
 *
 * Known shortcoming: every point is tested against every current face, so the cost is
 * points x faces (about 5 M plane tests for a 60k-voxel lesion); conflict lists as in
 * quickhull would bring it to n log n.
 */

export interface ConvexHull {
  volumeMm3: number;
  areaMm2: number;
  /** Indices (into the input points) of the hull's vertices. */
  vertices: number[];
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

/**
 * Faces as parallel typed arrays (corners, unit normal and offset), so that testing a
 * point against every face is one tight loop with no object per face.
 */
class Faces {
  count = 0;
  corners = new Int32Array(3 * 64);
  planes = new Float64Array(4 * 64);

  readonly pointCount: number;

  constructor(private readonly points: Points) {
    this.pointCount = points.length / 3;
  }

  add(a: number, b: number, c: number): void {
    if (this.count * 3 === this.corners.length) this.grow();
    const n = cross(this.points, a, b, c);
    const length = Math.hypot(n[0], n[1], n[2]) || 1;
    const [x, y, z] = [n[0] / length, n[1] / length, n[2] / length];
    this.corners.set([a, b, c], 3 * this.count);
    this.planes.set([x, y, z, x * coord(this.points, a, 0) + y * coord(this.points, a, 1)
      + z * coord(this.points, a, 2)], 4 * this.count);
    this.count++;
  }

  height(f: number, i: number): number {
    const q = this.planes;
    const p = this.points;

    return q[4 * f]! * p[3 * i]! + q[4 * f + 1]! * p[3 * i + 1]! + q[4 * f + 2]! * p[3 * i + 2]!
      - q[4 * f + 3]!;
  }

  /** Move face `from` into slot `to`, over a removed face. */
  move(from: number, to: number): void {
    if (from === to) return;

    for (let k = 0; k < 3; k++) this.corners[3 * to + k] = this.corners[3 * from + k]!;
    for (let k = 0; k < 4; k++) this.planes[4 * to + k] = this.planes[4 * from + k]!;
  }

  private grow(): void {
    const corners = new Int32Array(this.corners.length * 2);
    const planes = new Float64Array(this.planes.length * 2);
    corners.set(this.corners);
    planes.set(this.planes);
    [this.corners, this.planes] = [corners, planes];
  }
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

function planeHeight(points: Points, [a, b, c]: number[], i: number): number {
  const n = cross(points, a!, b!, c!);
  const length = Math.hypot(...n) || 1;
  let h = 0;
  for (let k = 0; k < 3; k++) h += (n[k]! / length) * (coord(points, i, k) - coord(points, a!, k));

  return h;
}

/** Four points spanning a tetrahedron, or null when all points are coplanar. */
function initialSimplex(points: Points, count: number, tolerance: number): number[] | null {
  const p0 = farthest(count, (i) => -coord(points, i, 0));
  const p1 = farthest(count, (i) => distance2(points, p0, i));
  const p2 = farthest(count, (i) => Math.hypot(...cross(points, p0, p1, i)));
  const p3 = farthest(count, (i) => Math.abs(planeHeight(points, [p0, p1, p2], i)));
  if (Math.abs(planeHeight(points, [p0, p1, p2], p3)) <= tolerance) return null;

  return [p0, p1, p2, p3];
}

function simplexFaces(points: Points, [p0, p1, p2, p3]: number[]): Faces {
  const triples = [[p0, p1, p2], [p0, p1, p3], [p0, p2, p3], [p1, p2, p3]] as number[][];
  const apex = [p3, p2, p1, p0] as number[];
  const faces = new Faces(points);
  triples.forEach(([a, b, c], k) => {
    if (planeHeight(points, [a!, b!, c!], apex[k]!) > 0) faces.add(a!, c!, b!);
    else faces.add(a!, b!, c!);
  });

  return faces;
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

/** Add point p: drop the faces it sees and close the hole with faces to p. */
function addPoint(faces: Faces, p: number, tolerance: number, visible: Int32Array): void {
  let seen = 0;
  for (let f = 0; f < faces.count; f++) if (faces.height(f, p) > tolerance) visible[seen++] = f;
  if (seen === 0) return;

  // Directed edges of the visible faces; an edge whose reverse is absent is on the horizon.
  const stride = faces.pointCount;
  const edges = new Set<number>();
  for (let k = 0; k < seen; k++) {
    const f = visible[k]!;
    const a = faces.corners[3 * f]!;
    const b = faces.corners[3 * f + 1]!;
    const c = faces.corners[3 * f + 2]!;
    edges.add(a * stride + b).add(b * stride + c).add(c * stride + a);
  }
  // Highest index first, so the last face moved into a freed slot is never a visible one.
  for (let k = seen - 1; k >= 0; k--) faces.move(--faces.count, visible[k]!);
  for (const key of edges) {
    const [u, v] = [Math.floor(key / stride), key % stride];
    if (!edges.has(v * stride + u)) faces.add(u, v, p);
  }
}

function measure(points: Points, faces: Faces): ConvexHull {
  let volume = 0;
  let area = 0;
  const vertices = new Set<number>();
  for (let f = 0; f < faces.count; f++) {
    const a = faces.corners[3 * f]!;
    const b = faces.corners[3 * f + 1]!;
    const c = faces.corners[3 * f + 2]!;
    const n = cross(points, a, b, c);
    area += Math.hypot(...n) / 2;
    volume += (n[0] * coord(points, a, 0) + n[1] * coord(points, a, 1)
      + n[2] * coord(points, a, 2)) / 6;
    vertices.add(a).add(b).add(c);
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

  const faces = simplexFaces(points, simplex);
  let visible = new Int32Array(64);
  for (const p of insertionOrder(count)) {
    if (visible.length < faces.count) visible = new Int32Array(2 * faces.count);
    addPoint(faces, p, tolerance, visible);
  }

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
