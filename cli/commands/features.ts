import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import {
  computeFeatures,
  FEATURE_PRESETS,
  isFeaturePreset,
  type FeatureResult,
  type FeatureSettingsInput,
} from '@/server/features';
import {
  assembleVolume,
  isDicomRejection,
  loadCodecs,
  parseDicom,
  readSegmentation,
  type DicomInstance,
  type DicomRejectionCode,
  type SegmentMask,
} from '@/server/imaging/dicom';
import { createImage, type ImageVolume } from '@/server/imaging/image';
import { readNifti } from '@/server/imaging/nifti';
import { readNrrd } from '@/server/imaging/nrrd';
import { rasteriseRoi, readRtStruct, type RtStructureSet } from '@/server/imaging/rtstruct';
import { computeSuvFactors } from '@/server/imaging/suv/factors';

import type { Command } from '../command';
import { UsageError } from '../command';

const READERS: [suffix: string, read: (bytes: Uint8Array, file: string) => ImageVolume][] = [
  ['.nii', (bytes, file) => readNifti(bytes, { file })],
  ['.nii.gz', (bytes, file) => readNifti(bytes, { file })],
  ['.nrrd', (bytes) => readNrrd(bytes)],
];

/** An image, and the DICOM frame of reference it lives in when it came from DICOM. */
interface LoadedImage {
  image: ImageVolume;
  frameOfReferenceUid?: string;
}

interface MaskChoice {
  segment?: string;
  roi?: string;
}

function volumeReader(file: string) {
  return READERS.find(([suffix]) => file.toLowerCase().endsWith(suffix))?.[1];
}

async function readVolume(file: string): Promise<ImageVolume> {
  const reader = volumeReader(file);
  if (!reader) {
    throw new UsageError(`${file}: give a NIfTI (.nii, .nii.gz) or NRRD (.nrrd) file.`);
  }

  return reader(new Uint8Array(await readFile(file)), path.basename(file));
}

/** Every DICOM image of the folder; structure sets and non-DICOM files are passed over. */
async function readSeries(folder: string): Promise<DicomInstance[]> {
  await loadCodecs();
  const instances: DicomInstance[] = [];
  for (const name of (await readdir(folder)).sort()) {
    const file = path.join(folder, name);
    if (!(await stat(file)).isFile()) continue;

    try {
      instances.push(parseDicom(new Uint8Array(await readFile(file)), name));
    } catch (err) {
      if (!isDicomRejection(err) || !SKIPPED.has(err.code)) throw err;
    }
  }
  const series = new Set(instances.map((i) => i.series.uid ?? '(no series UID)'));
  if (instances.length === 0) throw new UsageError(`${folder} holds no DICOM image.`);
  if (series.size > 1) {
    throw new UsageError(
      `${folder} holds ${series.size} series (${[...series].join(', ')}); ` +
        'give a folder with one series.',
    );
  }

  return instances;
}

const SKIPPED = new Set<DicomRejectionCode>(['NOT_DICOM', 'RTSTRUCT', 'UNSUPPORTED_SOP_CLASS']);

/** PET activity (after rescale) times the body-weight SUV factor, as float32. */
function toSuv(volume: ImageVolume, instances: DicomInstance[]): ImageVolume {
  const suv = computeSuvFactors(instances.flatMap((i) => (i.pet ? [i.pet] : [])));
  if (!suv.available) {
    throw new UsageError(`SUV cannot be computed for this PET series: ${suv.reason}`);
  }
  if (suv.instanceSuvBwFactors) {
    // Known shortcoming: per-frame factors (DecayCorrection NONE) are not mapped to slices.
    throw new UsageError(
      'This PET series is not decay corrected (one SUV factor per ' +
        'frame), which hallmark features does not handle yet; give an SUV NIfTI instead.',
    );
  }
  const data = Float32Array.from(volume.data, (x) => x * suv.suvBwFactor);

  return createImage(volume, 'float32', data);
}

async function readImage(file: string): Promise<LoadedImage> {
  if (!(await stat(file)).isDirectory()) return { image: await readVolume(file) };

  const instances = await readSeries(file);
  const { volume } = assembleVolume(instances);
  const image = instances[0]?.modality === 'PT' ? toSuv(volume, instances) : volume;
  const frameOfReferenceUid = instances[0]?.frameOfReferenceUid;

  return { image, ...(frameOfReferenceUid ? { frameOfReferenceUid } : {}) };
}

function pickSegment(segments: SegmentMask[], choice: string | undefined): ImageVolume {
  const listed = segments.map((s) => `${s.segmentNumber} (${s.label ?? 'no label'})`).join(', ');
  if (choice === undefined && segments.length !== 1) {
    throw new UsageError(
      `The SEG holds ${segments.length} segments: ${listed}; ` + 'choose one with --segment N.',
    );
  }
  const found =
    choice === undefined ? segments[0] : segments.find((s) => s.segmentNumber === Number(choice));
  if (!found) throw new UsageError(`No segment ${choice}; the SEG holds ${listed}.`);

  return found.mask;
}

function pickRoi(set: RtStructureSet, choice: string | undefined, image: LoadedImage): ImageVolume {
  const names = set.rois.map((r) => `"${r.name}"`).join(', ');
  if (choice === undefined) {
    throw new UsageError(`The RTSTRUCT holds the ROIs ${names}; choose one with --roi NAME.`);
  }
  const roi = set.rois.find((r) => r.name === choice);
  if (!roi) throw new UsageError(`No ROI named "${choice}"; the RTSTRUCT holds ${names}.`);
  const [drawnIn, shown] = [roi.frameOfReferenceUid, image.frameOfReferenceUid];
  if (drawnIn && shown && drawnIn !== shown) {
    throw new UsageError(
      `ROI "${choice}" was drawn in frame of reference ${drawnIn}, the ` +
        `image is in ${shown}; give the image series the structure set was drawn on.`,
    );
  }

  return rasteriseRoi(roi, image.image);
}

/** A NIfTI or NRRD mask, a DICOM SEG segment, or an RTSTRUCT ROI on the image grid. */
async function readMask(
  file: string,
  image: LoadedImage,
  choice: MaskChoice,
): Promise<ImageVolume> {
  if (volumeReader(file)) return readVolume(file);

  const bytes = new Uint8Array(await readFile(file));
  const name = path.basename(file);
  if (choice.roi !== undefined) return pickRoi(readRtStruct(bytes, name), choice.roi, image);
  await loadCodecs();
  try {
    const seg = parseDicom(bytes, name);
    if (!seg.seg) throw new UsageError(`${name} is neither a DICOM SEG nor an RTSTRUCT.`);

    return pickSegment(readSegmentation(seg, image.image), choice.segment);
  } catch (err) {
    // The reader's advice (re-export the SEG) suits ingest; here the wrong image was given.
    if (isDicomRejection(err) && err.code === 'SEG_OFF_GRID') {
      throw new UsageError(`${name} was not drawn on this image's grid; ` +
        'give the image series the SEG was drawn on.');
    }
    if (!isDicomRejection(err) || err.code !== 'RTSTRUCT') throw err;

    return pickRoi(readRtStruct(bytes, name), undefined, image);
  }
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
    'hallmark features <image> <mask> [--segment N | --roi NAME]',
    '                  [--settings <file.json|preset>] [--json]',
    '',
    '  <image>          NIfTI (.nii, .nii.gz), NRRD (.nrrd), or a folder with one DICOM',
    '                   series (PET is converted to SUV body weight)',
    '  <mask>           NIfTI or NRRD on the image grid (mask >= 0.5), a DICOM SEG, or an',
    '                   RTSTRUCT (rasterised onto the image grid)',
    '  --segment N      the SEG segment number, when the SEG holds more than one',
    '  --roi NAME       the RTSTRUCT ROI name',
    '  --settings       feature settings as JSON (see server/features/README.md) or a preset:',
    `                   ${Object.keys(FEATURE_PRESETS).join(', ')}`,
    '  --json           print { features, settings, voxelCount } as JSON',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        settings: { type: 'string' },
        segment: { type: 'string' },
        roi: { type: 'string' },
      },
    });
    const [imageFile, maskFile, ...extra] = positionals;
    if (!imageFile || !maskFile || extra.length > 0) {
      throw new UsageError('Give exactly one image and one mask.');
    }

    const settings = await readSettings(values.settings);
    const image = await readImage(imageFile);
    const mask = await readMask(maskFile, image, values);
    const result = computeFeatures(image.image, mask, settings);
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else printHuman(result, io.out);

    return 0;
  },
};
