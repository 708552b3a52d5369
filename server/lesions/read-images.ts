/** Reading stored CT volumes and cropped lesion masks back as ImageVolumes. */
import fs from 'node:fs/promises';

import { createImage, indexToPoint, type ImageVolume, type Vec3 } from '@/server/imaging/image';
import { readVolume, resolveData } from '@/server/storage/volumes';

import type { VolumeRow } from './load-patient';

export function readCt(dataDir: string, row: VolumeRow): Promise<ImageVolume> {
  const geometry = {
    size: row.size, spacingMm: row.spacingMm, originMm: row.originMm, direction: row.direction,
  };

  return readVolume(resolveData(dataDir, row.storedPath), geometry, row.pixelType);
}

/** Where a cropped mask is stored: a segment mask, a propagated mask or an outline. */
export interface StoredCrop {
  bbox: number[];
  storedPath: string;
}

/**
 * A mask is stored cropped to its inclusive box [i0, j0, k0, i1, j1, k1] on the grid of
 * `grid`; the crop keeps that grid's spacing and direction, with its origin moved to the
 * box's first voxel, so LPS positions read from it are those of the full grid.
 */
export async function readMask(dataDir: string, mask: StoredCrop, grid: VolumeRow) {
  const [i0 = 0, j0 = 0, k0 = 0, i1 = -1, j1 = -1, k1 = -1] = mask.bbox;
  const size: Vec3 = [i1 - i0 + 1, j1 - j0 + 1, k1 - k0 + 1];
  if (size.some((n) => n <= 0)) return null;

  const bytes = await fs.readFile(resolveData(dataDir, mask.storedPath));
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const full = {
    size: grid.size, spacingMm: grid.spacingMm, originMm: grid.originMm,
    direction: grid.direction,
  };
  const originMm = indexToPoint(full, [i0, j0, k0]);

  return createImage({ ...full, size, originMm }, 'uint8', data);
}
