/** Reading stored volumes and cropped masks back as full-grid ImageVolumes. */
import fs from 'node:fs/promises';

import { createImage, type ImageVolume } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';
import { readVolume, resolveData } from '@/server/storage/volumes';

import type { ImagedSeries, LesionMask, TimepointImages, VolumeRow } from './load-inputs';

function geometryOf(row: VolumeRow) {
  return { size: row.size, spacingMm: row.spacingMm, originMm: row.originMm,
    direction: row.direction };
}

export function readImage(dataDir: string, row: VolumeRow): Promise<ImageVolume> {
  return readVolume(resolveData(dataDir, row.storedPath), geometryOf(row), row.pixelType)
    .catch(missingFile(row.storedPath));
}

/** A file the database names but the data folder lacks is a broken store, not a bug. */
function missingFile(storedPath: string) {
  return (err: unknown): never => {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new AppError('NOT_FOUND', `Stored file ${storedPath} is missing.`, {
      cause: err,
      userMessage: `The stored file ${storedPath} is missing from the data folder; ` +
        'ingest the study again to rebuild it.',
    });
  };
}

/**
 * Puts a mask stored cropped to its inclusive box [i0, j0, k0, i1, j1, k1] (i fastest,
 * see server/ingest/segments.ts cropToBox) back onto the full grid it was cut from.
 */
export function uncropMask(cropped: Uint8Array, bbox: number[], grid: VolumeRow): ImageVolume {
  const [nx, ny, nz] = grid.size;
  const data = new Uint8Array(nx * ny * nz);
  const [i0 = 0, j0 = 0, k0 = 0, i1 = -1, j1 = -1, k1 = -1] = bbox;
  const bx = i1 - i0 + 1;
  const by = j1 - j0 + 1;
  for (let k = k0; k <= k1; k++) {
    for (let j = j0; j <= j1; j++) {
      const from = ((k - k0) * by + (j - j0)) * bx;
      data.set(cropped.subarray(from, from + bx), (k * ny + j) * nx + i0);
    }
  }

  return createImage(geometryOf(grid), 'uint8', data);
}

export async function readMask(
  dataDir: string, mask: Pick<LesionMask, 'storedPath' | 'bbox'>, grid: VolumeRow,
) {
  const bytes = await fs.readFile(resolveData(dataDir, mask.storedPath))
    .catch(missingFile(mask.storedPath));
  const cropped = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  return uncropMask(cropped, mask.bbox, grid);
}

/** The series of a timepoint the signals read, at most one of each kind. */
export interface SignalSeries {
  ct?: ImagedSeries;
  fdg?: ImagedSeries;
  fmiso?: ImagedSeries;
  flt?: ImagedSeries;
  adc?: ImagedSeries;
  ktrans?: ImagedSeries;
}

/**
 * The CT the lesions were drawn on (else the one with most slices); for the other kinds
 * the series with most slices, since a timepoint rarely holds two and the larger one is
 * usually the diagnostic acquisition.
 */
export function pickSeries(tp: TimepointImages): SignalSeries {
  const largest = (match: (s: ImagedSeries) => boolean) =>
    tp.images.filter(match).sort((a, b) => b.series.instanceCount - a.series.instanceCount)[0];
  const pet = (tracer: string) => (s: ImagedSeries) =>
    s.series.seriesType === 'PT' && s.series.tracer === tracer &&
    Boolean(s.series.suv?.available) && typeof s.series.suv?.suvBwFactor === 'number';
  const drawnOn = tp.masks[0]?.grid;
  const picked: SignalSeries = {
    ct: drawnOn?.series.seriesType === 'CT'
      ? drawnOn
      : largest((s) => s.series.seriesType === 'CT'),
    fdg: largest(pet('FDG')),
    fmiso: largest(pet('FMISO')),
    flt: largest(pet('FLT')),
    adc: largest((s) => s.series.seriesType === 'MR_ADC'),
    ktrans: largest((s) => s.series.seriesType === 'MR_DCE_KTRANS'),
  };

  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v)) as SignalSeries;
}
