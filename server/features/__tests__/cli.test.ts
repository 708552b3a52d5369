import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featuresCommand } from '@/cli/commands/features';
import { UsageError } from '@/cli/command';
import type { FeatureResult } from '../engine';
import { IBSI_DIR, IBSI_PRESENT } from './ibsiReference';

function capture() {
  const out: string[] = [];

  return { out, io: { out: (t: string) => out.push(t), err: () => undefined } };
}

describe('hallmark features', () => {
  it('refuses a call without a mask', async () => {
    const { io } = capture();

    await expect(featuresCommand.run(['image.nii.gz'], io)).rejects.toThrow(
      new UsageError('Give exactly one image and one mask.'));
  });

  it('refuses settings that are neither JSON nor a preset', async () => {
    const { io } = capture();

    await expect(featuresCommand.run(['a.nii', 'b.nii', '--settings', 'fast'], io))
      .rejects.toThrow(/--settings takes a \.json file or a preset/);
  });

  it.skipIf(!IBSI_PRESENT)('prints the digital phantom features as JSON', async () => {
    const dir = path.join(IBSI_DIR, 'digital_phantom');
    const { out, io } = capture();
    const code = await featuresCommand.run([path.join(dir, 'image/phantom.nii.gz'),
      path.join(dir, 'mask/mask.nii.gz'), '--settings', 'ibsi-digital-phantom', '--json'], io);
    const result = JSON.parse(out.join('')) as FeatureResult;
    const volume = result.features.find((f) => f.ibsiCode === 'RNU0');

    expect(code).toBe(0);
    expect(result.voxelCount).toBe(74);
    // IBSI reference: mesh volume 556 ± 4 mm³.
    expect(Math.abs((volume?.value ?? 0) - 556)).toBeLessThanOrEqual(4);
  });
});
