/**
 * NIfTI datatype codes Hallmark reads, each with the ImageVolume pixel type it lands
 * in. int8 widens to int16 and uint32 to float64, both without loss. Refused, by name:
 * binary (1), complex (32, 1792, 2048), RGB/RGBA (128, 2304), int64/uint64 (1024, 1280)
 * and float128 (1536); none of these occur in the CT, MR and PET volumes we track.
 */
import type { PixelType } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';

export type SourceKind =
  'uint8' | 'int8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32' | 'float64';

/** How voxels are stored (source, bytes) and the pixel type they are read into. */
export interface VoxelEncoding {
  source: SourceKind;
  bytes: number;
  pixelType: PixelType;
}

export interface NiftiDatatype extends VoxelEncoding {
  code: number;
}

const READABLE: NiftiDatatype[] = [
  { code: 2, source: 'uint8', bytes: 1, pixelType: 'uint8' },
  { code: 4, source: 'int16', bytes: 2, pixelType: 'int16' },
  { code: 8, source: 'int32', bytes: 4, pixelType: 'int32' },
  { code: 16, source: 'float32', bytes: 4, pixelType: 'float32' },
  { code: 64, source: 'float64', bytes: 8, pixelType: 'float64' },
  { code: 256, source: 'int8', bytes: 1, pixelType: 'int16' },
  { code: 512, source: 'uint16', bytes: 2, pixelType: 'uint16' },
  { code: 768, source: 'uint32', bytes: 4, pixelType: 'float64' },
];

const REFUSED_NAMES: Record<number, string> = {
  1: 'binary (1 bit)',
  32: 'complex64',
  128: 'RGB24',
  1024: 'int64',
  1280: 'uint64',
  1536: 'float128',
  1792: 'complex128',
  2048: 'complex256',
  2304: 'RGBA32',
};

export function niftiDatatype(code: number): NiftiDatatype {
  const found = READABLE.find((type) => type.code === code);
  if (found) return found;

  const name = REFUSED_NAMES[code] ?? `unknown code ${code}`;
  throw new AppError('UNSUPPORTED', `NIfTI datatype ${name} is not supported.`, {
    userMessage:
      `This NIfTI stores ${name} voxels; ` + 'convert it to an integer or float32 image first.',
  });
}

/** The datatype code writeNifti stores for each pixel type (the lossless direct ones). */
export const CODE_BY_PIXEL_TYPE: Record<PixelType, number> = {
  uint8: 2,
  int16: 4,
  uint16: 512,
  int32: 8,
  float32: 16,
  float64: 64,
};

export { BYTES_BY_PIXEL_TYPE } from '../image';
