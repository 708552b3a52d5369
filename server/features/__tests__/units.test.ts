import { describe, expect, it } from 'vitest';
import { discretise } from '../roi/discretise';
import { meshSummary } from '../morphology/mesh';
import { ellipsoidArea } from '../morphology/ellipsoid';

describe('marching cubes on a lone voxel', () => {
  // The surface through the edge midpoints around one voxel is the octahedron
  // |x| + |y| + |z| <= 1/2: volume 4/3 · (1/2)³ = 1/6, eight equilateral faces of side
  // √2/2, area 8 · (√3/4) · (1/2) = √3 (unit voxels).
  it('is the octahedron through the edge midpoints', () => {
    const mesh = meshSummary({ size: [3, 3, 3], spacingMm: [1, 1, 1],
      mask: Uint8Array.from({ length: 27 }, (_, v) => (v === 13 ? 1 : 0)) });

    expect(mesh.volumeMm3).toBeCloseTo(1 / 6, 12);
    expect(mesh.areaMm2).toBeCloseTo(Math.sqrt(3), 12);
    expect(mesh.boxMm).toEqual([1, 1, 1]);
  });
});

describe('discretisation', () => {
  const image = Float64Array.from([-10, 0, 5, 10, 99]);
  const mask = Uint8Array.from([1, 1, 1, 1, 0]);

  it('puts the maximum into the last of N fixed bins', () => {
    // floor(4 · (x + 10) / 20) + 1 for x = -10, 0, 5, 10 gives 1, 3, 4, 5 → capped to 4.
    const { levels } = discretise(image, mask, { method: 'fixed-bin-number', binCount: 4 }, null);

    expect([...levels]).toEqual([1, 3, 4, 4, 0]);
  });

  it('counts fixed-size bins from the range minimum', () => {
    // floor((x + 20) / 10) + 1 for x = -10, 0, 5, 10 gives 2, 3, 3, 4.
    const { levels, greyLevelCount } = discretise(image, mask,
      { method: 'fixed-bin-size', binSize: 10, lowerBound: null }, -20);

    expect([...levels]).toEqual([2, 3, 3, 4, 0]);
    expect(greyLevelCount).toBe(4);
  });
});

describe('ellipsoid surface series', () => {
  it('gives 4πr² for a sphere', () => {
    expect(ellipsoidArea(2, 2, 2)).toBeCloseTo(4 * Math.PI * 4, 10);
  });
});
