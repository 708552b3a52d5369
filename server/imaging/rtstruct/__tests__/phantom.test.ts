/**
 * The IBSI CT phantom's RTSTRUCT (ROI "GTV-1"), rasterised on the grid of the phantom's
 * NIfTI image, against the NIfTI mask the IBSI distributes with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNifti } from '../../nifti';
import { rasteriseRoi } from '../rasterise';
import { readRtStruct } from '../read';

const PHANTOM_DIR = path.resolve(import.meta.dirname,
  '../../../..', '../shared/data/ibsi1/ct_phantom_pat1');
const PRESENT = existsSync(PHANTOM_DIR);

if (!PRESENT) {
  if (process.env.CI === 'true') throw new Error(`IBSI CT phantom missing at ${PHANTOM_DIR}.`);
  console.warn(`Skipping the RTSTRUCT phantom test: no data at ${PHANTOM_DIR}.`);
}

function read(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(PHANTOM_DIR, relative)));
}

describe.skipIf(!PRESENT)('RTSTRUCT of the IBSI CT phantom', () => {
  it('reads the one ROI, GTV-1, with its closed planar contours', () => {
    const set = readRtStruct(read('dicom/mask/DCM_RS_00060.dcm'), 'DCM_RS_00060.dcm');

    expect(set.rois.map((r) => r.name)).toEqual(['GTV-1']);
    expect(set.rois[0]!.number).toBe(1);
    expect(set.rois[0]!.contours.length).toBeGreaterThan(0);
    expect(set.rois[0]!.contours.every((c) => c.pointsMm.length >= 3)).toBe(true);
  });

  it('rasterises GTV-1 onto the NIfTI grid exactly as the NIfTI mask', () => {
    const set = readRtStruct(read('dicom/mask/DCM_RS_00060.dcm'), 'DCM_RS_00060.dcm');
    const image = readNifti(read('nifti/image/phantom.nii.gz'));
    const truth = readNifti(read('nifti/mask/mask.nii.gz'));
    const mask = rasteriseRoi(set.rois[0]!, image);
    let inside = 0;
    let differing = 0;
    for (let v = 0; v < mask.data.length; v++) {
      inside += mask.data[v]!;
      if (mask.data[v] !== ((truth.data[v] ?? 0) >= 0.5 ? 1 : 0)) differing++;
    }

    expect(inside).toBeGreaterThan(100_000);
    expect(differing).toBe(0);
  });

  it('refuses a file that is not a structure set', () => {
    expect(() => readRtStruct(read('dicom/image/DCM_IMG_00000.dcm'), 'DCM_IMG_00000.dcm'))
      .toThrow(/is not an RT Structure Set/);
  });
});
