import fs from 'node:fs/promises';
import path from 'node:path';

import type { ImageGeometry, PixelArray, PixelType } from '@/server/imaging/image';
import {
  allocatePixels,
  BYTES_BY_PIXEL_TYPE,
  createImage,
  voxelCount,
} from '@/server/imaging/image';
import type { ImageVolume } from '@/server/imaging/image';

import { bytesOf, writeFileAtomic } from './files';

export function bytesPerVoxel(pixelType: PixelType): number {
  return BYTES_BY_PIXEL_TYPE[pixelType];
}

export async function writeVolumePixels(absPath: string, data: PixelArray): Promise<void> {
  await writeFileAtomic(absPath, bytesOf(data));
}

export async function readVolume(
  absPath: string,
  geometry: ImageGeometry,
  pixelType: PixelType,
): Promise<ImageVolume> {
  const data = allocatePixels(pixelType, voxelCount(geometry.size));
  const handle = await fs.open(absPath, 'r');
  try {
    await handle.read(bytesOf(data), 0, data.byteLength, 0);
  } finally {
    await handle.close();
  }

  return createImage(geometry, pixelType, data);
}

/** Reads one k-slice without loading the volume: the viewer's hot path. */
export async function readSliceBytes(
  absPath: string,
  size: [number, number, number],
  pixelType: PixelType,
  k: number,
): Promise<Uint8Array> {
  const sliceBytes = size[0] * size[1] * bytesPerVoxel(pixelType);
  const out = new Uint8Array(sliceBytes);
  const handle = await fs.open(absPath, 'r');
  try {
    await handle.read(out, 0, sliceBytes, k * sliceBytes);
  } finally {
    await handle.close();
  }

  return out;
}

export function resolveData(dataDir: string, relative: string): string {
  return path.join(/* turbopackIgnore: true */ dataDir, relative);
}
