/**
 * The native elastix engine (Debian's elastix command) on the analytic phantom: the same
 * known pose as register.test.ts, recovered through MetaImage files and parameter files
 * instead of the WebAssembly build, and failures worded for whoever chose the engine.
 */
import { describe, expect, it } from 'vitest';

import type { Vec3 } from '../../imaging/image';
import { peerCommandPresent } from '../../testing/peer-commands';
import { applyMatrix, eulerMatrix, IDENTITY_MATRIX, transformPoint } from '../affine';
import { centredGrid, PHANTOM_LANDMARKS_MM, renderPhantom } from '../phantom';
import { registerVolumes } from '../register';
import type { RegistrationResult } from '../registration-types';

const hasElastix = peerCommandPresent('elastix', ['--version'], 'elastix');

const grid = centredGrid([64, 64, 32], [5, 5, 6]);
const degrees = Math.PI / 180;
const pose = eulerMatrix([2 * degrees, -1.5 * degrees, 4 * degrees], [12, -8, 10], [10, 20, 0]);
const fixed = renderPhantom(grid, IDENTITY_MATRIX);
const moving = renderPhantom(grid, pose);
const testPoints: Vec3[] = [...PHANTOM_LANDMARKS_MM, [0, 0, 0], [100, 50, 40], [-90, -40, -50]];
const native = { iterationsPerResolution: 150, targetSpacingMm: 5, engine: 'native' } as const;

function worstResidualMm(result: RegistrationResult): number {
  return Math.max(...testPoints.map((p) => {
    const found = transformPoint(result.transform!, p);
    const expected = applyMatrix(pose, p);

    return Math.hypot(...found.map((v, a) => v - (expected[a] ?? 0)));
  }));
}

describe.skipIf(!hasElastix)('registerVolumes with the native elastix engine', () => {
  it('recovers a known rigid pose to within 2 mm, from a worker', async () => {
    const result = await registerVolumes(fixed, moving, native);

    expect(result.status).toBe('ok');
    expect(result.quality.engine).toBe('native');
    expect(worstResidualMm(result)).toBeLessThan(2);
    expect(result.quality.bodyOverlapDice).toBeGreaterThan(0.95);
  });

  it('hands elastix the image direction as ITK reads it: a baseline rotated by 90°', async () => {
    // Written transposed, the MetaImage would show elastix the anatomy turned 180° off.
    const direction = [0, -1, 0, 1, 0, 0, 0, 0, 1] as const;
    const half = grid.size.map((n, a) => ((n - 1) * (grid.spacingMm[a] ?? 1)) / 2);
    const originMm: Vec3 = [half[1]!, -half[0]!, -half[2]!];
    const turned = { ...grid, direction: [...direction] as typeof grid.direction, originMm };
    const result = await registerVolumes(renderPhantom(turned, IDENTITY_MATRIX), moving,
      { ...native, inProcess: true });

    expect(result.status).toBe('ok');
    expect(worstResidualMm(result)).toBeLessThan(2);
  });

  it('passes elastix\'s own complaint on when a parameter map is wrong', async () => {
    const result = await registerVolumes(fixed, moving, {
      ...native, inProcess: true, overrides: { Metric: ['NoSuchMetric'] },
    });

    expect(result.status).toBe('failed');
    expect(result.transform).toBeNull();
    expect(result.reason).toMatch(/native elastix stopped \(.*NoSuchMetric/);
  });
});

describe('registerVolumes with the native engine and no elastix command', () => {
  it('fails with a reason saying what to install or set, never an identity', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    let result: RegistrationResult;
    try {
      result = await registerVolumes(fixed, moving, { ...native, inProcess: true });
    } finally {
      process.env.PATH = path;
    }

    expect(result.status).toBe('failed');
    expect(result.transform).toBeNull();
    expect(result.reason).toContain('apt-get install elastix');
    expect(result.reason).toContain('HALLMARK_REGISTRATION_ENGINE=wasm');
  });
});
