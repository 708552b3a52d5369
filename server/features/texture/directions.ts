export type Direction = readonly [number, number, number];

/** The 13 unique neighbour directions at Chebyshev distance 1 in 3-D. */
export const DIRECTIONS_3D: readonly Direction[] = [
  [1, 0, 0], [0, 1, 0], [1, 1, 0], [1, -1, 0], [0, 0, 1], [1, 0, 1], [1, 0, -1],
  [0, 1, 1], [0, 1, -1], [1, 1, 1], [1, 1, -1], [1, -1, 1], [1, -1, -1],
];

/** The 4 unique in-slice directions. */
export const DIRECTIONS_2D: readonly Direction[] = [[1, 0, 0], [1, 1, 0], [0, 1, 0], [-1, 1, 0]];

/** All 26 (3-D) or 8 (in-slice) neighbour offsets. */
export function neighbourOffsets(inSlice: boolean): Direction[] {
  const half = inSlice ? DIRECTIONS_2D : DIRECTIONS_3D;

  return [...half, ...half.map(([x, y, z]) => [-x, -y, -z] as const)];
}
