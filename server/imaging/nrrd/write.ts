import { gzipSync } from 'fflate';

import type { ImageVolume, PixelType } from '@/server/imaging/image';
import { column } from '@/server/imaging/nifti/affine';
import { BYTES_BY_PIXEL_TYPE } from '@/server/imaging/nifti/datatypes';
import { littleEndianBytes } from '@/server/imaging/nifti/pixels';

export interface WriteNrrdOptions {
  gzip?: boolean;
}

const NRRD_TYPE: Record<PixelType, string> = {
  uint8: 'uint8',
  int16: 'int16',
  uint16: 'uint16',
  int32: 'int32',
  float32: 'float',
  float64: 'double',
};

const vectorText = (v: readonly number[]): string => `(${v.map(String).join(',')})`;

function headerText(volume: ImageVolume, gzip: boolean): string {
  const steps = volume.spacingMm.map((spacing, axis) =>
    column(volume.direction, axis).map((d) => d * spacing),
  );

  return [
    'NRRD0004',
    '# Written by Hallmark',
    `type: ${NRRD_TYPE[volume.pixelType]}`,
    'dimension: 3',
    'space: left-posterior-superior',
    `sizes: ${volume.size.join(' ')}`,
    `space directions: ${steps.map(vectorText).join(' ')}`,
    'kinds: domain domain domain',
    'endian: little',
    `encoding: ${gzip ? 'gzip' : 'raw'}`,
    `space origin: ${vectorText(volume.originMm)}`,
    '',
    '',
  ].join('\n');
}

/** Writes an attached-header NRRD in LPS space, raw or gzip-encoded. */
export function writeNrrd(volume: ImageVolume, options: WriteNrrdOptions = {}): Uint8Array {
  const gzip = options.gzip ?? false;
  const header = new TextEncoder().encode(headerText(volume, gzip));
  const raw = littleEndianBytes(volume.data, BYTES_BY_PIXEL_TYPE[volume.pixelType]);
  const data = gzip ? gzipSync(raw) : raw;
  const file = new Uint8Array(header.length + data.length);
  file.set(header);
  file.set(data, header.length);

  return file;
}
