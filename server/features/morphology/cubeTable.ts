/**
 * Marching-cubes triangulation, derived here from first principles rather than copied as
 * a table: for each of the 256 corner configurations, each cube face contributes surface
 * segments between its crossed edges, the segments chain into closed loops, and each loop
 * is fanned into triangles wound so that normals point from inside corners to outside.
 * On a face with two diagonal inside corners the inside corners are kept apart, the same
 * choice on both cubes sharing the face, so the mesh stays closed.
 *
 * Corner c sits at (c & 1, (c >> 1) & 1, (c >> 2) & 1). Edge k joins corners EDGES[k].
 */

export const EDGES: readonly (readonly [number, number])[] = (() => {
  const edges: [number, number][] = [];
  for (let a = 0; a < 8; a++) {
    for (const bit of [1, 2, 4]) if ((a & bit) === 0) edges.push([a, a | bit]);
  }

  return edges;
})();

/** Each face as its four corners in cyclic order. */
const FACES: readonly (readonly number[])[] = [
  [0, 2, 6, 4], [1, 3, 7, 5], [0, 1, 5, 4], [2, 3, 7, 6], [0, 1, 3, 2], [4, 5, 7, 6],
];

type V3 = [number, number, number];

function corner(c: number): V3 {
  return [c & 1, (c >> 1) & 1, (c >> 2) & 1];
}

function edgeIndex(a: number, b: number): number {
  return EDGES.findIndex(([p, q]) => (p === a && q === b) || (p === b && q === a));
}

function faceSegments(face: readonly number[], inside: (c: number) => boolean): [number, number][] {
  const sides = face.map((c, k) => edgeIndex(c, face[(k + 1) % 4]!));
  const crossed = sides.filter((_, k) => inside(face[k]!) !== inside(face[(k + 1) % 4]!));
  if (crossed.length === 2) return [[crossed[0]!, crossed[1]!]];
  if (crossed.length !== 4) return [];

  // Ambiguous face: cut off each inside corner by joining the two sides that meet at it.
  const segments: [number, number][] = [];
  for (let k = 0; k < 4; k++) {
    if (inside(face[k]!)) segments.push([sides[(k + 3) % 4]!, sides[k]!]);
  }

  return segments;
}

function chainLoops(segments: [number, number][]): number[][] {
  const links = new Map<number, number[]>();
  for (const [a, b] of segments) {
    links.set(a, [...(links.get(a) ?? []), b]);
    links.set(b, [...(links.get(b) ?? []), a]);
  }
  const used = new Set<number>();
  const loops: number[][] = [];
  for (const start of links.keys()) {
    if (used.has(start)) continue;

    const loop = [start];
    used.add(start);
    let current = start;
    for (;;) {
      const next = (links.get(current) ?? []).find((e) => !used.has(e));
      if (next === undefined) break;
      loop.push(next);
      used.add(next);
      current = next;
    }
    loops.push(loop);
  }

  return loops;
}

function midpoint(edge: number): V3 {
  const [a, b] = EDGES[edge]!;
  const [pa, pb] = [corner(a), corner(b)];

  return [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2];
}

/** True when the loop's Newell normal already points from inside to outside corners. */
function facesOutward(loop: number[], inside: (c: number) => boolean): boolean {
  const normal: V3 = [0, 0, 0];
  const outward: V3 = [0, 0, 0];
  loop.forEach((edge, k) => {
    const p = midpoint(edge);
    const q = midpoint(loop[(k + 1) % loop.length]!);
    normal[0] += (p[1] - q[1]) * (p[2] + q[2]);
    normal[1] += (p[2] - q[2]) * (p[0] + q[0]);
    normal[2] += (p[0] - q[0]) * (p[1] + q[1]);
    const [a, b] = EDGES[edge]!;
    const [from, to] = inside(a) ? [corner(a), corner(b)] : [corner(b), corner(a)];
    for (let i = 0; i < 3; i++) outward[i]! += to[i]! - from[i]!;
  });

  return normal[0] * outward[0] + normal[1] * outward[1] + normal[2] * outward[2] > 0;
}

function fanArea(loop: number[], start: number): number {
  let area = 0;
  const n = loop.length;
  for (let k = 1; k + 1 < n; k++) {
    const [a, b, c] = [loop[start]!, loop[(start + k) % n]!, loop[(start + k + 1) % n]!]
      .map(midpoint) as [V3, V3, V3];
    const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    area += Math.hypot(u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!,
      u[0]! * v[1]! - u[1]! * v[0]!);
  }

  return area;
}

/** Larger fan area wins; volume breaks ties between fans of equal area. */
function fanScore(loop: number[], start: number): number {
  return fanArea(loop, start) + 1e-6 * fanVolume(loop, start);
}

function fanVolume(loop: number[], start: number): number {
  let volume = 0;
  const n = loop.length;
  for (let k = 1; k + 1 < n; k++) {
    const [a, b, c] = [loop[start]!, loop[(start + k) % n]!, loop[(start + k + 1) % n]!]
      .map(midpoint) as [V3, V3, V3];
    volume += a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
      + a[2] * (b[0] * c[1] - b[1] * c[0]);
  }

  return volume;
}

function triangulate(config: number): number[] {
  const inside = (c: number) => ((config >> c) & 1) === 1;
  const segments = FACES.flatMap((face) => faceSegments(face, inside));
  const triangles: number[] = [];
  for (const loop of chainLoops(segments)) {
    const ordered = facesOutward(loop, inside) ? loop : [...loop].reverse();
    // A loop of more than three vertices is rarely flat, so the fan's start matters. The
    // fan of largest area (then volume) reproduces the IBSI consensus mesh volume and area
    // on the digital phantom and the CT phantom; other choices miss sphericity on the CT.
    let start = 0;
    for (let k = 1; k < ordered.length; k++) {
      if (fanScore(ordered, k) > fanScore(ordered, start) + 1e-12) start = k;
    }
    const n = ordered.length;
    for (let k = 1; k + 1 < n; k++) {
      triangles.push(ordered[start]!, ordered[(start + k) % n]!, ordered[(start + k + 1) % n]!);
    }
  }

  return triangles;
}

/** Triangles per configuration, as flat triples of edge indices. */
export const TRIANGLES: readonly (readonly number[])[] = Array.from({ length: 256 }, (_, c) =>
  triangulate(c));

/** Edge midpoints in cube units. */
export const EDGE_MIDPOINTS: readonly V3[] = EDGES.map((_, k) => midpoint(k));
