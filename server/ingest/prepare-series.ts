import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import { and, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import type { SuvInfo } from '@/db/schema';
import { instances, series, studies, volumes } from '@/db/schema';
import { assembleVolume } from '@/server/imaging/dicom/volume/assemble';
import type { DicomInstance } from '@/server/imaging/dicom/instance';
import { parseDicom } from '@/server/imaging/dicom/parse';
import { DicomRejection } from '@/server/imaging/dicom/rejection';
import { readSegmentation } from '@/server/imaging/dicom/seg/read';
import type { ImageGeometry } from '@/server/imaging/image';
import type { SuvFactorResult } from '@/server/imaging/suv/factors';
import { computeSuvFactors } from '@/server/imaging/suv/factors';
import { volumePath } from '@/server/storage/layout';
import { writeVolumePixels } from '@/server/storage/volumes';

import type { PreparedInstance, PreparedSeries } from './prepared';
import type { StagedFile } from './read-files';
import { foldSliceFactors } from './decay-none';
import { structureSetMasks } from './rtstruct';
import { storeSegments } from './segments';

/**
 * Turns the staged files of one series (plus any instances stored earlier) into a
 * prepared series: pixels assembled and written, SUV factors worked out, SEG segments
 * mapped onto the grid they annotate. Throws DicomRejection when the series as a
 * whole cannot be used; its files are then rejected with that reason.
 */
export async function prepareSeries(
  db: Db,
  dataDir: string,
  staged: StagedFile[],
): Promise<PreparedSeries> {
  const first = staged[0];
  if (!first) throw new Error('prepareSeries needs at least one file.');

  const all = [...(await storedInstances(db, dataDir, first.header.seriesInstanceUid)), ...staged];
  const header = first.header;

  if (header.seriesType === 'SEG') {
    return prepareSegmentation(db, dataDir, header, all, await parseAll(all));
  }
  if (header.seriesType === 'RTSTRUCT') return prepareStructureSet(db, dataDir, header, all);

  return prepareImage(dataDir, header, all, await parseAll(all));
}

function parseAll(all: PreparedInstance[]): Promise<DicomInstance[]> {
  return Promise.all(all.map((i) => parseStored(i)));
}

async function prepareStructureSet(
  db: Db,
  dataDir: string,
  header: PreparedSeries['header'],
  all: PreparedInstance[],
): Promise<PreparedSeries> {
  const file = all[0];
  if (!file || all.length > 1) {
    throw new DicomRejection(
      'INCONSISTENT_SERIES',
      header.seriesInstanceUid,
      'An RTSTRUCT series must hold exactly one structure set.',
    );
  }
  const target = await referencedGrid(db, header);
  const buffer = await fs.readFile(file.stagedPath);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const list = await storeSegments(
    dataDir,
    structureSetMasks(bytes, file.sourcePath, target.geometry),
  );

  return { header, instances: all, segments: { imageSeriesUid: target.seriesUid, list } };
}

async function parseStored(instance: PreparedInstance): Promise<DicomInstance> {
  const buffer = await fs.readFile(instance.stagedPath);

  return parseDicom(
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    instance.sourcePath,
  );
}

async function storedInstances(db: Db, dataDir: string, seriesUid: string) {
  const rows = await db
    .select({ instance: instances })
    .from(instances)
    .innerJoin(series, eq(series.id, instances.seriesId))
    .where(eq(series.seriesInstanceUid, seriesUid));

  return rows.map(({ instance }): PreparedInstance => ({
    sopInstanceUid: instance.sopInstanceUid,
    sopClassUid: instance.sopClassUid,
    digest: instance.digest,
    sizeBytes: instance.sizeBytes,
    stagedPath: path.join(/* turbopackIgnore: true */ dataDir, instance.storedPath),
    sourcePath: instance.storedPath,
  }));
}

async function prepareImage(
  dataDir: string,
  header: PreparedSeries['header'],
  all: PreparedInstance[],
  parsed: DicomInstance[],
): Promise<PreparedSeries> {
  const suv =
    header.modality === 'PT'
      ? computeSuvFactors(parsed.flatMap((p) => (p.pet ? [p.pet] : [])))
      : undefined;
  const perSlice = suv?.available ? suv.instanceSuvBwFactors : undefined;
  const assembled = assembleVolume(foldSliceFactors(parsed, perSlice));
  const volume = assembled.volume;
  const id = randomUUID();
  await writeVolumePixels(
    path.join(/* turbopackIgnore: true */ dataDir, volumePath(id)),
    volume.data,
  );
  const [minValue, maxValue] = range(volume.data);

  return {
    header,
    instances: all,
    volume: {
      id,
      geometry: volume,
      pixelType: volume.pixelType,
      minValue,
      maxValue,
      report: assembled.report,
    },
    suv: suv && suvInfo(suv),
  };
}

/** What the series keeps of the SUV result; per-slice factors are folded into pixels. */
function suvInfo(suv: SuvFactorResult): SuvInfo {
  if (!suv.available) return { available: false, reason: suv.reason };
  const { suvBwFactor, sulFactor, method, warnings } = suv;

  return { available: true, suvBwFactor, sulFactor, method, warnings };
}

function range(data: ArrayLike<number>): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }

  return data.length ? [min, max] : [0, 0];
}

async function prepareSegmentation(
  db: Db,
  dataDir: string,
  header: PreparedSeries['header'],
  all: PreparedInstance[],
  parsed: DicomInstance[],
): Promise<PreparedSeries> {
  const seg = parsed[0];
  if (!seg || parsed.length > 1) {
    throw new DicomRejection(
      'INCONSISTENT_SERIES',
      header.seriesInstanceUid,
      'A SEG series must hold exactly one segmentation instance.',
    );
  }
  const target = await referencedGrid(db, header);
  const masks = readSegmentation(seg, target.geometry);
  const list = await storeSegments(dataDir, masks);

  return { header, instances: all, segments: { imageSeriesUid: target.seriesUid, list } };
}

/**
 * The image grid a SEG annotates: the series it references, or failing that the one
 * image series of the same study and frame of reference (CT first, as SEGs of a
 * PET/CT are usually drawn on the CT).
 */
async function referencedGrid(db: Db, header: PreparedSeries['header']) {
  const rows = await db
    .select({ uid: series.seriesInstanceUid, type: series.seriesType, volume: volumes })
    .from(series)
    .innerJoin(studies, eq(studies.id, series.studyId))
    .innerJoin(volumes, eq(volumes.seriesId, series.id))
    .where(
      header.referencedSeriesUid
        ? eq(series.seriesInstanceUid, header.referencedSeriesUid)
        : and(
            eq(studies.studyInstanceUid, header.studyInstanceUid),
            eq(series.frameOfReferenceUid, header.frameOfReferenceUid ?? ''),
          ),
    );
  const pick = rows.find((r) => r.type === 'CT') ?? rows[0];
  if (!pick) {
    throw new DicomRejection(
      'SEG_OFF_GRID',
      header.seriesInstanceUid,
      'The image series these lesion outlines were drawn on has not been ingested; ' +
        'ingest it (in the same upload is fine) and send this file again.',
    );
  }
  const v = pick.volume;
  const geometry: ImageGeometry = {
    size: v.size,
    spacingMm: v.spacingMm,
    originMm: v.originMm,
    direction: v.direction,
  };

  return { seriesUid: pick.uid, geometry };
}
