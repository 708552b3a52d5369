/**
 * `hallmark features` on the IBSI CT phantom given as DICOM (image series folder plus
 * RTSTRUCT) and as NIfTI (image plus mask): the same features, configuration C.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featuresCommand } from '@/cli/commands/features';
import { UsageError } from '@/cli/command';
import type { FeatureResult } from '../engine';
import { IBSI_DIR, IBSI_PRESENT } from './ibsiReference';

const PHANTOM = path.join(IBSI_DIR, 'ct_phantom_pat1');
const RTSTRUCT = path.join(PHANTOM, 'dicom/mask/DCM_RS_00060.dcm');

async function run(args: string[]): Promise<FeatureResult> {
  const out: string[] = [];
  await featuresCommand.run([...args, '--json'], { out: (t) => out.push(t), err: () => {} });

  return JSON.parse(out.join('')) as FeatureResult;
}

function key(f: FeatureResult['features'][number]): string {
  return `${f.name} ${f.aggregation ?? ''} ${f.parameter ?? ''}`;
}

describe.skipIf(!IBSI_PRESENT)('hallmark features with DICOM inputs', () => {
  it('names the ROIs when --roi is missing or unknown', async () => {
    const image = path.join(PHANTOM, 'dicom/image');

    await expect(run([image, RTSTRUCT])).rejects.toThrow(new UsageError(
      'The RTSTRUCT holds the ROIs "GTV-1"; choose one with --roi NAME.'));
    await expect(run([image, RTSTRUCT, '--roi', 'GTV'])).rejects.toThrow(new UsageError(
      'No ROI named "GTV"; the RTSTRUCT holds "GTV-1".'));
  });

  it('gives the NIfTI features from the DICOM series and RTSTRUCT (config C)', async () => {
    const settings = ['--settings', 'ibsi-config-c'];
    const fromDicom = await run([path.join(PHANTOM, 'dicom/image'), RTSTRUCT,
      '--roi', 'GTV-1', ...settings]);
    const fromNifti = await run([path.join(PHANTOM, 'nifti/image/phantom.nii.gz'),
      path.join(PHANTOM, 'nifti/mask/mask.nii.gz'), ...settings]);
    const expected = new Map(fromNifti.features.map((f) => [key(f), f.value]));

    expect(fromDicom.voxelCount).toBe(fromNifti.voxelCount);
    expect(fromDicom.features.map(key)).toEqual(fromNifti.features.map(key));
    // The rasterised mask equals the NIfTI mask voxel for voxel (rtstruct phantom test)
    // and the series assembles onto the NIfTI grid, so only rounding may differ.
    for (const f of fromDicom.features) {
      const want = expected.get(key(f)) ?? Number.NaN;
      const bound = 1e-9 * Math.max(1, Math.abs(want));
      expect(Math.abs(f.value - want), key(f)).toBeLessThanOrEqual(bound);
    }
  }, 120_000);
});
