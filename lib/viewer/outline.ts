/**
 * The outline of one slice of a mask cropped to its bounding box: the mask voxels
 * with at least one 4-neighbour outside the mask. Coordinates come back on the full
 * image grid, ready to paint.
 */
export function outlineOfSlice(
  mask: Uint8Array,
  bbox: readonly number[],
  k: number,
): { i: number; j: number }[] {
  const [i0 = 0, j0 = 0, k0 = 0, i1 = -1, j1 = -1, k1 = -1] = bbox;
  if (k < k0 || k > k1) return [];
  const bx = i1 - i0 + 1;
  const by = j1 - j0 + 1;
  const base = (k - k0) * bx * by;
  const inside = (i: number, j: number) =>
    i >= 0 && j >= 0 && i < bx && j < by && mask[base + j * bx + i] === 1;

  const out: { i: number; j: number }[] = [];
  for (let j = 0; j < by; j++) {
    for (let i = 0; i < bx; i++) {
      if (!inside(i, j)) continue;
      const edge = !inside(i - 1, j) || !inside(i + 1, j) || !inside(i, j - 1) || !inside(i, j + 1);
      if (edge) out.push({ i: i + i0, j: j + j0 });
    }
  }

  return out;
}
