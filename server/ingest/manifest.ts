import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { instances } from '@/db/schema';
import type { ImageVolume } from '@/server/imaging/image';
import { readNifti } from '@/server/imaging/nifti';
import { readNrrd } from '@/server/imaging/nrrd';
import { AppError } from '@/server/lib/errors';
import { researchPath, volumePath } from '@/server/storage/layout';
import { writeVolumePixels } from '@/server/storage/volumes';

import { commitSeries } from './commit';
import type { ManifestRow } from './manifest-parse';
import type { FileOutcomeRecord } from './outcomes';
import type { PreparedInstance, PreparedSeries, SeriesHeader } from './prepared';
import { storeSegments } from './segments';

/**
 * Ingests one manifest row: the image becomes a series with its volume, the label map
 * (if any) a SEG-type series whose labels are the lesion masks on the image's grid.
 * UIDs are derived from content, so the same files ingested again change nothing.
 * Returns the patient row id, or throws AppError with a reason for the row.
 */
export async function ingestManifestRow(
  db: Db,
  dataDir: string,
  row: ManifestRow,
  outcomes: FileOutcomeRecord[],
): Promise<string | undefined> {
  const image = await readResearchFile(row.imageAbs, row.imageShown);
  if (await alreadyStored(db, image.digest)) {
    outcomes.push({ path: row.imageShown, outcome: 'unchanged' });
    if (row.maskShown) outcomes.push({ path: row.maskShown, outcome: 'unchanged' });

    return undefined;
  }
  const mask = row.maskAbs ? await readResearchFile(row.maskAbs, row.maskShown ?? '') : null;
  if (mask) checkSameGrid(image.volume, mask.volume, row);

  const header = headerOf(row, image.digest);
  const imageSeries = await prepareImage(dataDir, header, image, row);
  const { patientRowId } = await commitSeries(db, dataDir, imageSeries);
  outcomes.push({
    path: row.imageShown,
    outcome: 'ingested',
    seriesInstanceUid: header.seriesInstanceUid,
  });

  if (mask && row.maskShown) {
    const segHeader = {
      ...headerOf(row, mask.digest),
      seriesType: 'SEG',
      modality: 'SEG',
      referencedSeriesUid: header.seriesInstanceUid,
      description: 'Label map',
    };
    const labels = splitLabels(mask.volume);
    const list = await storeSegments(dataDir, labels);
    await commitSeries(db, dataDir, {
      header: segHeader,
      instances: [await stage(dataDir, mask, row.maskShown)],
      segments: { imageSeriesUid: header.seriesInstanceUid, list },
    });
    outcomes.push({
      path: row.maskShown,
      outcome: 'ingested',
      seriesInstanceUid: segHeader.seriesInstanceUid,
    });
  }

  return patientRowId;
}

interface ResearchFile {
  bytes: Uint8Array;
  digest: string;
  volume: ImageVolume;
  extension: string;
}

async function readResearchFile(abs: string, shown: string): Promise<ResearchFile> {
  const buffer = await fs.readFile(abs).catch((err: unknown) => {
    throw new AppError('BAD_INPUT', `${shown}: cannot be read (${(err as Error).message}).`);
  });
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const lower = abs.toLowerCase();
  const isNrrd = lower.endsWith('.nrrd');
  const extension = isNrrd ? '.nrrd' : lower.endsWith('.gz') ? '.nii.gz' : '.nii';
  try {
    const volume = isNrrd ? readNrrd(bytes, { file: shown }) : readNifti(bytes, { file: shown });
    const digest = createHash('sha256').update(bytes).digest('hex');

    return { bytes, digest, volume, extension };
  } catch (err) {
    const why = err instanceof AppError ? err.userMessage : (err as Error).message;
    throw new AppError('BAD_INPUT', `${shown}: ${why}`, { cause: err });
  }
}

async function alreadyStored(db: Db, digest: string): Promise<boolean> {
  const [row] = await db
    .select({ id: instances.id })
    .from(instances)
    .where(eq(instances.sopInstanceUid, uidOf(digest)));

  return Boolean(row);
}

/** A DICOM-style UID (2.25 + decimal of 128 bits) derived from text. */
export function uidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex').slice(0, 32);

  return `2.25.${BigInt(`0x${hex}`).toString()}`;
}

function checkSameGrid(image: ImageVolume, mask: ImageVolume, row: ManifestRow): void {
  const same =
    image.size.every((n, i) => n === mask.size[i]) &&
    image.spacingMm.every((s, i) => Math.abs(s - (mask.spacingMm[i] ?? 0)) < 1e-3) &&
    image.originMm.every((o, i) => Math.abs(o - (mask.originMm[i] ?? 0)) < 1e-2);
  if (!same) {
    throw new AppError(
      'BAD_INPUT',
      `Manifest row ${row.row}: the mask's grid (size, spacing or origin) differs from the ` +
        'image; resample the label map onto the image first.',
    );
  }
}

function headerOf(row: ManifestRow, digest: string): SeriesHeader {
  const modality = row.seriesType === 'PT' ? 'PT' : row.seriesType.startsWith('MR') ? 'MR' : 'CT';

  return {
    patientId: row.patient,
    sex: null,
    birthYear: null,
    weightKg: null,
    heightM: null,
    studyInstanceUid: uidOf(`study|${row.patient}|${row.date}`),
    studyDate: row.date,
    studyDescription: 'Research manifest',
    seriesInstanceUid: uidOf(`series|${digest}`),
    modality,
    seriesType: row.seriesType,
    seriesTypeReason: 'Series type given in the manifest.',
    tracer: row.tracer ?? (modality === 'PT' ? 'OTHER' : null),
    // A manifest names no contrast phase; the user can set one on the patient page.
    contrastPhase: null,
    frameOfReferenceUid: uidOf(`frame|${row.patient}|${row.date}`),
    seriesNumber: null,
    description: path.basename(row.imageShown),
    referencedSeriesUid: null,
  };
}

async function stage(
  dataDir: string,
  file: ResearchFile,
  shown: string,
): Promise<PreparedInstance> {
  const storedPath = researchPath(file.digest, file.extension);
  const abs = path.join(/* turbopackIgnore: true */ dataDir, storedPath);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, file.bytes);

  return {
    sopInstanceUid: uidOf(file.digest),
    sopClassUid: file.extension === '.nrrd' ? 'NRRD' : 'NIfTI',
    digest: file.digest,
    sizeBytes: file.bytes.byteLength,
    stagedPath: abs,
    sourcePath: shown,
    storedPath,
  };
}

async function prepareImage(
  dataDir: string,
  header: SeriesHeader,
  file: ResearchFile,
  row: ManifestRow,
): Promise<PreparedSeries> {
  const volume = file.volume;
  const id = randomUUID();
  await writeVolumePixels(
    path.join(/* turbopackIgnore: true */ dataDir, volumePath(id)),
    volume.data,
  );
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of volume.data) ((min = Math.min(min, v)), (max = Math.max(max, v)));
  const report = {
    sliceCount: volume.size[2],
    sliceSpacingMm: volume.spacingMm[2],
    missingSlices: 0,
    unevenSpacing: false,
    gantryTiltDeg: 0,
    warnings: [],
  };

  return {
    header,
    instances: [await stage(dataDir, file, row.imageShown)],
    volume: {
      id,
      geometry: volume,
      pixelType: volume.pixelType,
      minValue: min,
      maxValue: max,
      report,
    },
    suv: header.modality === 'PT' ? suvOf(row) : undefined,
  };
}

function suvOf(row: ManifestRow) {
  if (row.valuesAreSuv) {
    return {
      available: true,
      suvBwFactor: 1,
      sulFactor: null,
      method: 'manifest: values are SUVbw',
    };
  }

  return {
    available: false,
    reason:
      'A NIfTI/NRRD PET carries no dose or timing; set units=SUV in the manifest if it holds SUV.',
  };
}

/** One uint8 mask per non-zero label value, on the label map's own grid. */
export function splitLabels(labels: ImageVolume) {
  const values = new Set<number>();
  for (const v of labels.data) if (v !== 0) values.add(Math.round(v));

  return [...values]
    .sort((a, b) => a - b)
    .map((label) => {
      const data = new Uint8Array(labels.data.length);
      for (let n = 0; n < data.length; n++)
        data[n] = Math.round(labels.data[n] as number) === label ? 1 : 0;

      return {
        segmentNumber: label,
        label: `Label ${label}`,
        mask: { ...labels, pixelType: 'uint8' as const, data },
      };
    });
}
