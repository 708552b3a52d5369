import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';

import { indexToPoint, type ImageVolume } from '@/server/imaging/image';

import { readNifti } from '../read';
import { buildNifti, CUBE_DIM, int16Ramp, type NiftiSpec } from './build-nifti';

const base: NiftiSpec = {
  dim: CUBE_DIM,
  datatype: 4,
  bitpix: 16,
  pixdim: [1, 2, 3, 4, 0, 0, 0, 0],
  voxels: int16Ramp(),
};

function expectClose(actual: readonly number[], expected: readonly number[], digits = 5) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, n) => expect(actual[n]).toBeCloseTo(value, digits));
}

let stderr: MockInstance;
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

const warnings = (): string[] =>
  stderr.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('"warn"'));

describe('readNifti geometry (RAS in the file, LPS out)', () => {
  it('negates x and y of an axis-aligned sform', () => {
    // srow maps (i,j,k) to RAS (2i + 10, 3j + 20, 4k + 30).
    const srow = [2, 0, 0, 10, 0, 3, 0, 20, 0, 0, 4, 30];
    const volume = readNifti(buildNifti({ ...base, sformCode: 1, srow }));

    expectClose(volume.spacingMm, [2, 3, 4]);
    expectClose(volume.originMm, [-10, -20, 30]);
    expectClose(volume.direction, [-1, 0, 0, 0, -1, 0, 0, 0, 1]);
    // Voxel (1,1,1) is RAS (12, 23, 34), so LPS (-12, -23, 34).
    expectClose(indexToPoint(volume, [1, 1, 1]), [-12, -23, 34]);
  });

  it('turns a RAS x flip into a +L axis', () => {
    // RAS x decreases along i, so i points to the patient's left: +x in LPS.
    const srow = [-0.5, 0, 0, 100, 0, 0.5, 0, -50, 0, 0, 1.5, 7];
    const volume = readNifti(buildNifti({ ...base, sformCode: 2, srow }));

    expectClose(volume.direction, [1, 0, 0, 0, -1, 0, 0, 0, 1]);
    expectClose(volume.originMm, [-100, 50, 7]);
    expectClose(volume.spacingMm, [0.5, 0.5, 1.5]);
  });

  it('keeps an oblique rotation and non-unit spacing', () => {
    // RAS direction = rotation of 30 degrees about z: i -> (cos, sin, 0), j -> (-sin, cos, 0).
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const srow = [0.5 * c, -0.8 * s, 0, 1, 0.5 * s, 0.8 * c, 0, 2, 0, 0, 2.5, 3];
    const volume = readNifti(buildNifti({ ...base, sformCode: 1, srow }));

    // LPS negates the first two rows: i -> (-cos, -sin, 0), j -> (sin, -cos, 0).
    expectClose(volume.direction, [-c, s, 0, -s, -c, 0, 0, 0, 1]);
    expectClose(volume.spacingMm, [0.5, 0.8, 2.5]);
    expectClose(volume.originMm, [-1, -2, 3]);
  });

  it('prefers the sform over a different qform', () => {
    const srow = [1, 0, 0, 5, 0, 1, 0, 6, 0, 0, 1, 7];
    const volume = readNifti(
      buildNifti({ ...base, sformCode: 1, srow, qformCode: 1, qoffset: [50, 60, 70] }),
    );

    expectClose(volume.originMm, [-5, -6, 7]);
    expectClose(volume.spacingMm, [1, 1, 1]);
  });

  it('reads a qform quaternion with qfac -1', () => {
    // 90 degrees about z: a = cos 45, d = sin 45, so R = [[0,-1,0],[1,0,0],[0,0,1]].
    // qfac -1 negates the k column. RAS steps: i (0,1,0), j (-2,0,0), k (0,0,-3).
    const d = Math.SQRT1_2;
    const volume = readNifti(
      buildNifti({
        ...base,
        pixdim: [-1, 1, 2, 3, 0, 0, 0, 0],
        qformCode: 1,
        quatern: [0, 0, d],
        qoffset: [1, 2, 3],
      }),
    );

    expectClose(volume.direction, [0, 1, 0, -1, 0, 0, 0, 0, -1]);
    expectClose(volume.spacingMm, [1, 2, 3]);
    expectClose(volume.originMm, [-1, -2, 3]);
  });

  it('reads a half-turn quaternion whose a is zero', () => {
    // b = 1: 180 degrees about x, R = diag(1, -1, -1); LPS = diag(-1, 1, -1).
    const volume = readNifti(buildNifti({ ...base, qformCode: 1, quatern: [1, 0, 0] }));

    expectClose(volume.direction, [-1, 0, 0, 0, 1, 0, 0, 0, -1]);
  });

  it('falls back to the qform when the sform is sheared, and says so', () => {
    const srow = [1, 0.5, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];
    const volume = readNifti(
      buildNifti({ ...base, sformCode: 1, srow, qformCode: 1, qoffset: [4, 5, 6] }),
    );

    expectClose(volume.originMm, [-4, -5, 6]);
    expect(warnings().join()).toContain('NIfTI sform is sheared or degenerate');
  });

  it('uses bare pixdim with a nonconformance warning when no transform is coded', () => {
    const volume = readNifti(buildNifti(base), { file: 'bare.nii' });

    expectClose(volume.spacingMm, [2, 3, 4]);
    expectClose(volume.originMm, [0, 0, 0]);
    expectClose(volume.direction, [-1, 0, 0, 0, -1, 0, 0, 0, 1]);
    const [warning] = warnings();
    expect(JSON.parse(warning ?? '{}')).toMatchObject({
      channel: 'nonconformant',
      file: 'bare.nii',
      msg: 'NIfTI has neither sform nor qform; orientation and origin are guesses',
    });
  });

  it('converts metres and micrometres to millimetres', () => {
    const srow = [0.002, 0, 0, 0.1, 0, 0.002, 0, 0.2, 0, 0, 0.003, 0.3];
    const inMetres: ImageVolume = readNifti(
      buildNifti({ ...base, sformCode: 1, srow, xyztUnits: 1 }),
    );
    const inMicrons = readNifti(
      buildNifti({ ...base, qformCode: 1, pixdim: [1, 500, 500, 500], xyztUnits: 3 }),
    );

    expectClose(inMetres.spacingMm, [2, 2, 3]);
    expectClose(inMetres.originMm, [-100, -200, 300], 3);
    expectClose(inMicrons.spacingMm, [0.5, 0.5, 0.5]);
  });

  it('reads a NIfTI-2 header with the same geometry rules', () => {
    const srow = [2, 0, 0, 10, 0, 3, 0, 20, 0, 0, 4, 30];
    const volume = readNifti(buildNifti({ ...base, version: 2, sformCode: 1, srow }));

    expectClose(volume.originMm, [-10, -20, 30]);
    expect(Array.from(volume.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
