import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { pointToIndex, type ImageVolume, type Vec3 } from '@/server/imaging/image';

import { readNifti } from '../read';
import { referenceDataPresent, SHARED_DATA } from '@/server/testing/shared-data';

const present = referenceDataPresent('ibsi1');
const ibsi = (...parts: string[]) =>
  readNifti(readFileSync(path.join(SHARED_DATA, 'ibsi1', ...parts)));

function expectClose(actual: readonly number[], expected: readonly number[], digits = 3) {
  expected.forEach((value, n) => expect(actual[n]).toBeCloseTo(value, digits));
}

const countNonZero = (volume: ImageVolume) => volume.data.filter((v) => v !== 0).length;

describe.skipIf(!present)('IBSI 1 NIfTI reference data', () => {
  it('reads the digital phantom: 5x4x4 int16 voxels of 2 mm', () => {
    const image = ibsi('digital_phantom', 'image', 'phantom.nii.gz');

    expect(image.size).toEqual([5, 4, 4]);
    expect(image.pixelType).toBe('int16');
    expectClose(image.spacingMm, [2, 2, 2]);
  });

  it('matches the published IBSI statistics inside the 74-voxel mask', () => {
    const image = ibsi('digital_phantom', 'image', 'phantom.nii.gz');
    const mask = ibsi('digital_phantom', 'mask', 'mask.nii.gz');
    const inside = Array.from(image.data).filter((_, n) => mask.data[n] !== 0);
    const sum = inside.reduce((total, v) => total + v, 0);
    const energy = inside.reduce((total, v) => total + v * v, 0);

    expect(countNonZero(mask)).toBe(74);
    // IBSI 1 reference values: volume by voxel counting 592 mm3 (74 x 8 mm3), minimum 1
    // (1GSF), maximum 6 (84IY), mean 2.15 (Q4LE), energy 567 (N8CA).
    expect(inside.length * image.spacingMm[0] ** 3).toBeCloseTo(592, 3);
    expect(Math.min(...inside)).toBe(1);
    expect(Math.max(...inside)).toBe(6);
    expect(sum / inside.length).toBeCloseTo(2.15, 2);
    expect(energy).toBe(567);
  });

  it('places the CT phantom where its DICOM slices are', () => {
    const image = ibsi('ct_phantom_pat1', 'nifti', 'image', 'phantom.nii.gz');

    expect(image.size).toEqual([204, 201, 60]);
    expectClose(image.spacingMm, [0.977, 0.977, 3.0]);
    expectClose(image.direction, [1, 0, 0, 0, 1, 0, 0, 0, 1], 6);
    // ImagePositionPatient of the most inferior DICOM slice of the same phantom
    // (DCM_IMG_00059.dcm): -174.39450073242\-79.625503540039\-100.40000152587.
    expectClose(image.originMm, [-174.3945, -79.6255, -100.4]);
  });
});

const dicomFolder = path.join(SHARED_DATA, 'ibsi1/ct_phantom_pat1/dicom/image');
const hasTool = (tool: string) => spawnSync('which', [tool]).status === 0;
const peerReady = present && hasTool('dcm2niix') && hasTool('dcmdump');
if (present && !peerReady) console.warn('Skipping the dcm2niix peer check: tool not on PATH.');

function imagePositions(): Vec3[] {
  return readdirSync(dicomFolder).map((name) => {
    const dump = spawnSync('dcmdump', ['+P', '0020,0032', path.join(dicomFolder, name)]);
    const match = /\[([^\]]+)\]/.exec(dump.stdout.toString());

    return (match?.[1] ?? '').split('\\').map(Number) as Vec3;
  });
}

function convertWithDcm2niix(): ImageVolume {
  const out = mkdtempSync(path.join(tmpdir(), 'hallmark-dcm2niix-'));
  try {
    const run = spawnSync('dcm2niix', ['-z', 'n', '-f', 'ct', '-o', out, dicomFolder]);
    if (run.status !== 0) throw new Error(`dcm2niix failed: ${run.stderr.toString()}`);

    return readNifti(readFileSync(path.join(out, 'ct.nii')));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe.skipIf(!peerReady)('NIfTI written by dcm2niix from the CT phantom DICOM', () => {
  it('maps every ImagePositionPatient to the first pixel of a distinct slice', () => {
    const volume = convertWithDcm2niix();
    // dcm2niix stores rows bottom-up, so the DICOM first pixel (row 0, column 0) of a
    // slice sits at i = 0, j = last row.
    const slices = imagePositions().map((position) => {
      const [i, j, k] = pointToIndex(volume, position);
      expect(i).toBeCloseTo(0, 3);
      expect(j).toBeCloseTo(volume.size[1] - 1, 3);

      return Math.round(k);
    });

    expect(new Set(slices).size).toBe(volume.size[2]);
  });

  it('holds the same HU as the IBSI NIfTI at the same patient points', () => {
    const peer = convertWithDcm2niix();
    const ibsiImage = ibsi('ct_phantom_pat1', 'nifti', 'image', 'phantom.nii.gz');
    const [nx, ny] = ibsiImage.size;
    for (const index of [[10, 20, 5], [100, 150, 30], [203, 0, 59]] as Vec3[]) {
      const point: Vec3 = [
        ibsiImage.originMm[0] + index[0] * ibsiImage.spacingMm[0],
        ibsiImage.originMm[1] + index[1] * ibsiImage.spacingMm[1],
        ibsiImage.originMm[2] + index[2] * ibsiImage.spacingMm[2],
      ];
      const [i, j, k] = pointToIndex(peer, point).map(Math.round) as Vec3;
      const peerValue = peer.data[i + j * nx + k * nx * ny];
      const ibsiValue = ibsiImage.data[index[0] + index[1] * nx + index[2] * nx * ny];

      expect(peerValue).toBeCloseTo(ibsiValue ?? Number.NaN, 3);
    }
  });
});
