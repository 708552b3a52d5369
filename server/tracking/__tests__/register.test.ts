/**
 * Registration on the analytic phantom: the follow-up is the same anatomy rendered under
 * a known rigid pose, so the true fixed ↦ moving map is the pose itself and the
 * residual at any point is |T(p) − pose(p)|. Small grids keep each run to seconds.
 */
import { describe, expect, it } from 'vitest';
import { createImage, type Vec3 } from '../../imaging/image';
import { applyMatrix, eulerMatrix, IDENTITY_MATRIX, transformPoint } from '../affine';
import { centredGrid, PHANTOM_LANDMARKS_MM, renderPhantom } from '../phantom';
import { registerVolumes } from '../register';

const grid = centredGrid([64, 64, 32], [5, 5, 6]);
const degrees = Math.PI / 180;
// 4° about z, 2° about x, −1.5° about y, about a point off the image centre, then 12,
// −8 and 10 mm: a patient lying a little differently on the couch.
const pose = eulerMatrix([2 * degrees, -1.5 * degrees, 4 * degrees], [12, -8, 10], [10, 20, 0]);
const fixed = renderPhantom(grid, IDENTITY_MATRIX);
const testPoints: Vec3[] = [...PHANTOM_LANDMARKS_MM, [0, 0, 0], [100, 50, 40], [-90, -40, -50]];
const fast = { iterationsPerResolution: 150, targetSpacingMm: 5 };

describe('registerVolumes', () => {
  it('recovers a known rigid pose to within 2 mm, in a worker', async () => {
    const moving = renderPhantom(grid, pose);
    const result = await registerVolumes(fixed, moving, fast);

    expect(result.status).toBe('ok');
    expect(result.transform).not.toBeNull();
    for (const p of testPoints) {
      const found = transformPoint(result.transform!, p);
      const truth = applyMatrix(pose, p);
      const residualMm = Math.hypot(...found.map((v, a) => v - (truth[a] ?? 0)));
      expect(residualMm).toBeLessThan(2);
    }
    expect(result.quality.bodyOverlapDice).toBeGreaterThan(0.95);
    expect(result.quality.iterations).toBe(2 * 3 * 150);
  });

  it('reads image directions the ITK way: a baseline stored rotated by 90°', async () => {
    // Axis i of the baseline points to +y and axis j to −x. Were the direction passed
    // transposed, elastix would see the anatomy turned the other way, 180° off.
    const direction = [0, -1, 0, 1, 0, 0, 0, 0, 1] as const;
    const half = grid.size.map((n, a) => ((n - 1) * (grid.spacingMm[a] ?? 1)) / 2);
    const originMm: Vec3 = [half[1]!, -half[0]!, -half[2]!];
    const turned = { ...grid, direction: [...direction] as typeof grid.direction, originMm };
    const moving = renderPhantom(grid, pose);
    const result = await registerVolumes(renderPhantom(turned, IDENTITY_MATRIX), moving, {
      ...fast, inProcess: true,
    });

    expect(result.status).toBe('ok');
    for (const p of testPoints) {
      const found = transformPoint(result.transform!, p);
      const truth = applyMatrix(pose, p);
      expect(Math.hypot(...found.map((v, a) => v - (truth[a] ?? 0)))).toBeLessThan(2);
    }
  });

  it('fails with a reason, and no transform, when the follow-up is empty', async () => {
    const empty = createImage(grid, 'int16', new Int16Array(grid.size[0] * grid.size[1] *
      grid.size[2]).fill(-1000));
    const result = await registerVolumes(fixed, empty, { ...fast, inProcess: true });

    expect(result.status).toBe('failed');
    expect(result.transform).toBeNull();
    expect(result.reason).toBe('The follow-up image shows no body (almost nothing above ' +
      '−500 HU): check that a CT series of the body was chosen and that its HU are rescaled.');
  });

  it('fails with elastix\'s own message when elastix throws', async () => {
    const moving = renderPhantom(grid, pose);
    const options = { ...fast, inProcess: true, overrides: { Transform: ['NoSuchTransform'] } };
    const result = await registerVolumes(fixed, moving, options);

    expect(result.status).toBe('failed');
    expect(result.transform).toBeNull();
    expect(result.reason).toMatch(/^Elastix could not register the images: .+\. Check the /);
  });
});

describe('registerVolumes quality gate', () => {
  it('rejects an alignment whose body Dice is under the threshold', async () => {
    const moving = renderPhantom(grid, pose);
    // No Dice can reach 1.01, so the gate must reject whatever elastix found.
    const options = { ...fast, stages: ['rigid' as const], iterationsPerResolution: 30,
      minBodyDice: 1.01, inProcess: true };
    const result = await registerVolumes(fixed, moving, options);

    expect(result.status).toBe('failed');
    expect(result.transform).toBeNull();
    expect(result.reason).toMatch(/^The body outlines overlap with Dice 0\.\d\d after /);
    expect(result.quality.bodyOverlapDice).toBeGreaterThan(0.9);
  });
});
