import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import {
  computeFeatures,
  FEATURE_PRESETS,
  isFeaturePreset,
  type FeatureResult,
  type FeatureSettingsInput,
} from '@/server/features';
import type { ImageVolume } from '@/server/imaging/image';
import { readNifti } from '@/server/imaging/nifti';
import { readNrrd } from '@/server/imaging/nrrd';

import type { Command } from '../command';
import { UsageError } from '../command';

const READERS: [suffix: string, read: (bytes: Uint8Array, file: string) => ImageVolume][] = [
  ['.nii', (bytes, file) => readNifti(bytes, { file })],
  ['.nii.gz', (bytes, file) => readNifti(bytes, { file })],
  ['.nrrd', (bytes) => readNrrd(bytes)],
];

async function readVolume(file: string): Promise<ImageVolume> {
  const reader = READERS.find(([suffix]) => file.toLowerCase().endsWith(suffix));
  if (!reader) {
    throw new UsageError(`${file}: give a NIfTI (.nii, .nii.gz) or NRRD (.nrrd) file.`);
  }

  return reader[1](new Uint8Array(await readFile(file)), path.basename(file));
}

async function readSettings(choice: string | undefined): Promise<FeatureSettingsInput> {
  if (choice === undefined) return {};
  if (isFeaturePreset(choice)) return FEATURE_PRESETS[choice];
  if (!choice.endsWith('.json')) {
    const names = Object.keys(FEATURE_PRESETS).join(', ');
    throw new UsageError(`--settings takes a .json file or a preset (${names}).`);
  }

  return JSON.parse(await readFile(choice, 'utf8')) as FeatureSettingsInput;
}

function printHuman(result: FeatureResult, out: (text: string) => void): void {
  out(`${result.voxelCount} voxels in the intensity mask`);
  for (const f of result.features) {
    const label = [f.name, f.aggregation, f.parameter].filter((x) => x != null).join(' ');
    out(`  ${label.padEnd(48)} ${f.ibsiCode}  ${Number(f.value.toPrecision(6))}`);
  }
}

export const featuresCommand: Command = {
  name: 'features',
  summary: 'Compute IBSI radiomics features of a mask on an image',
  usage: [
    'hallmark features <image> <mask> [--settings <file.json|preset>] [--json]',
    '',
    '  <image>, <mask>  NIfTI (.nii, .nii.gz) or NRRD (.nrrd) on the same grid; mask >= 0.5',
    '  --settings       feature settings as JSON (see server/features/README.md) or a preset:',
    `                   ${Object.keys(FEATURE_PRESETS).join(', ')}`,
    '  --json           print { features, settings, voxelCount } as JSON',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, settings: { type: 'string' } },
    });
    const [imageFile, maskFile, ...extra] = positionals;
    if (!imageFile || !maskFile || extra.length > 0) {
      throw new UsageError('Give exactly one image and one mask.');
    }

    const settings = await readSettings(values.settings);
    const [image, mask] = await Promise.all([readVolume(imageFile), readVolume(maskFile)]);
    const result = computeFeatures(image, mask, settings);
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else printHuman(result, io.out);

    return 0;
  },
};
