/**
 * The IBSI CT phantom assembled from its 60 DICOM slices must match what dcm2niix makes
 * of the same folder: same grid size, spacing and corners in patient space, and the same
 * value in every voxel once both are in LPS (readNifti turns NIfTI's RAS into LPS).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexToPoint, pointToIndex, type ImageVolume, type Vec3 } from '../../image';
import { readNifti } from '../../nifti';
import { parseDicom } from '../parse';
import { assembleVolume } from '../volume/assemble';
import { peerCommandPresent } from '@/server/testing/peer-commands';
import { dataFolder } from '@/server/testing/shared-data';

const { folder, present } = dataFolder('ibsi1/ct_phantom_pat1/dicom/image');
const hasDcm2niix = peerCommandPresent('dcm2niix', ['-h'], 'dcm2niix');

function corners(v: ImageVolume): Vec3[] {
  const [nx, ny, nz] = v.size;
  const points: Vec3[] = [];
  for (const i of [0, nx - 1])
    for (const j of [0, ny - 1])
      for (const k of [0, nz - 1]) {
        points.push(indexToPoint(v, [i, j, k]));
      }

  return points.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

describe.skipIf(!present || !hasDcm2niix)('IBSI CT phantom against dcm2niix', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'hallmark-dcm2niix-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const ours = () => {
    const instances = readdirSync(folder).map((name) =>
      parseDicom(new Uint8Array(readFileSync(path.join(folder, name))), name),
    );

    return assembleVolume(instances);
  };
  const theirs = () => {
    execFileSync('dcm2niix', ['-z', 'n', '-b', 'n', '-o', outDir, folder], { stdio: 'ignore' });
    const nii = readdirSync(outDir).find((name) => name.endsWith('.nii'));
    if (nii === undefined) throw new Error('dcm2niix wrote no .nii file');

    return readNifti(new Uint8Array(readFileSync(path.join(outDir, nii))));
  };

  it('matches grid, spacing, corners and every voxel', () => {
    const { volume, report } = ours();
    const reference = theirs();

    expect(volume.size).toEqual([204, 201, 60]);
    // A chest CT holds air (about -1000 HU) and bone (several hundred HU); the comparison
    // below is only meaningful if the voxels are real data, not zeros on both sides.
    expect(volume.pixelType).toBe('int16');
    const values = Array.from(volume.data);
    expect(values.reduce((a, b) => Math.min(a, b))).toBeLessThan(-900);
    expect(values.reduce((a, b) => Math.max(a, b))).toBeGreaterThan(300);
    expect([...reference.size].sort()).toEqual([...volume.size].sort());
    expect(report.sliceCount).toBe(60);
    expect(report.missingSlices).toBe(0);
    expect(report.unevenSpacing).toBe(false);
    expect(report.gantryTiltDeg).toBeLessThan(0.05);
    const sortedSpacing = (v: ImageVolume) => [...v.spacingMm].sort((a, b) => a - b);
    sortedSpacing(volume).forEach((s, i) => expect(s).toBeCloseTo(sortedSpacing(reference)[i]!, 4));
    corners(volume).forEach((p, n) =>
      p.forEach((x, a) => expect(x).toBeCloseTo(corners(reference)[n]![a]!, 2)),
    );

    let mismatches = 0;
    const [nx, ny, nz] = volume.size;
    for (let k = 0, n = 0; k < nz; k++)
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++, n++) {
          const [a, b, c] = pointToIndex(reference, indexToPoint(volume, [i, j, k])).map(
            Math.round,
          );
          const m = a! + reference.size[0] * (b! + reference.size[1] * c!);
          if (reference.data[m] !== volume.data[n]) mismatches++;
        }
    expect(mismatches).toBe(0);
  });
});
