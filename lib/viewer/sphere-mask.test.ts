import { describe, expect, it } from 'vitest';

import { lpsToVoxel, sphereMask, voxelToLps, type VoxelGrid } from './sphere-mask';

const axial: VoxelGrid = {
  size: [40, 40, 20],
  spacingMm: [2, 2, 4],
  originMm: [-40, -30, 100],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

// A grid whose first axis runs along -y and second along +x: rows and columns swapped.
const rotated: VoxelGrid = { ...axial, direction: [0, 1, 0, -1, 0, 0, 0, 0, 1] };

describe('voxel and LPS positions', () => {
  it('places a voxel by origin, spacing and direction', () => {
    expect(voxelToLps(axial, [0, 0, 0])).toEqual([-40, -30, 100]);
    expect(voxelToLps(axial, [3, 2, 1])).toEqual([-34, -26, 104]);
    expect(voxelToLps(rotated, [3, 2, 0])).toEqual([-36, -36, 100]);
  });

  it('inverts exactly on both grids', () => {
    for (const grid of [axial, rotated]) {
      const back = lpsToVoxel(grid, voxelToLps(grid, [7, 11, 5]));
      back.forEach((v, n) => expect(v).toBeCloseTo([7, 11, 5][n] ?? 0, 10));
    }
  });
});

describe('sphereMask', () => {
  it('holds the voxels within the radius, and only them', () => {
    const centre = voxelToLps(axial, [20, 20, 10]);
    const mask = sphereMask(axial, centre, 6);
    if (!mask) throw new Error('expected a mask');
    const [i0 = 0, j0 = 0, k0 = 0, i1 = 0, j1 = 0] = mask.bbox;
    const bx = i1 - i0 + 1;
    const by = j1 - j0 + 1;
    let count = 0;
    mask.data.forEach((v, n) => {
      const i = i0 + (n % bx);
      const j = j0 + (Math.floor(n / bx) % by);
      const k = k0 + Math.floor(n / (bx * by));
      const p = voxelToLps(axial, [i, j, k]);
      const d = Math.hypot(p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]);
      expect(v === 1).toBe(d <= 6);
      count += v;
    });
    // Brute force over the whole grid agrees with the cropped count.
    let expected = 0;
    for (let k = 0; k < 20; k++) for (let j = 0; j < 40; j++) for (let i = 0; i < 40; i++) {
      const p = voxelToLps(axial, [i, j, k]);
      if (Math.hypot(p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]) <= 6) expected++;
    }
    expect(count).toBe(expected);
  });

  it('is clipped at the grid edge and null when it misses the grid', () => {
    const corner = sphereMask(axial, voxelToLps(axial, [0, 0, 0]), 5);
    expect(corner?.bbox.slice(0, 3)).toEqual([0, 0, 0]);
    expect(sphereMask(axial, [500, 500, 500], 10)).toBeNull();
  });
});
