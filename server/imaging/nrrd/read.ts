import { gunzipSync } from 'fflate';

import { createImage, type ImageVolume, type Vec3 } from '@/server/imaging/image';
import { decodeVoxels } from '@/server/imaging/nifti/pixels';
import { AppError } from '@/server/lib/errors';
import { logger } from '@/server/lib/log';

import { encoding, littleEndian, positiveIntegers, voxelType } from './fields';
import { nrrdPlacement } from './geometry';
import { parseNrrdHeader } from './header';

export interface ReadNrrdOptions {
  /** Names the file in nonconformance logs; never a patient identifier. */
  file?: string;
}

function refuseLayout(fields: Map<string, string>): void {
  if (fields.has('data file') || fields.has('datafile')) {
    throw new AppError('UNSUPPORTED', 'Detached-header NRRD (data file) is not supported.', {
      userMessage: 'Save the volume as a single .nrrd file with the data attached.',
    });
  }
  for (const skip of ['line skip', 'lineskip', 'byte skip', 'byteskip']) {
    if ((fields.get(skip) ?? '0') !== '0') {
      throw new AppError('UNSUPPORTED', `NRRD "${skip}" is not supported.`, {
        userMessage: 'Save the NRRD without line or byte skips.',
      });
    }
  }
  if (fields.get('dimension') !== '3') {
    const dimension = fields.get('dimension') ?? '(missing)';
    throw new AppError('UNSUPPORTED', `NRRD dimension ${dimension} is not supported.`, {
      userMessage: 'Only 3-D NRRD volumes are read; split or stack the data into one 3-D volume.',
    });
  }
}

function payload(bytes: Uint8Array, offset: number, gzip: boolean): Uint8Array {
  const data = bytes.subarray(offset);
  if (!gzip) return data;

  try {
    return gunzipSync(data);
  } catch (cause) {
    throw new AppError('BAD_INPUT', 'Could not gunzip the NRRD data.', {
      userMessage: 'The NRRD data is damaged; re-export the file.',
      cause,
    });
  }
}

/**
 * Reads an attached-header NRRD (raw or gzip, either byte order) into an LPS
 * ImageVolume; RAS and LAS spaces are converted, other spaces are refused by name.
 */
export function readNrrd(bytes: Uint8Array, options: ReadNrrdOptions = {}): ImageVolume {
  const log = logger('nonconformant', options.file ? { file: options.file } : {});
  const { fields, dataOffset } = parseNrrdHeader(bytes);
  refuseLayout(fields);

  const size = positiveIntegers(fields.get('sizes'), 'sizes', 3) as Vec3;
  const type = voxelType(fields.get('type'));
  const le = littleEndian(fields.get('endian'), type.bytes);
  const placement = nrrdPlacement(fields, log);
  const data = payload(bytes, dataOffset, encoding(fields.get('encoding')) === 'gzip');
  const count = size[0] * size[1] * size[2];
  if (data.length < count * type.bytes) {
    throw new AppError('BAD_INPUT', 'NRRD data is shorter than its sizes say.', {
      userMessage: 'The NRRD file is truncated; copy or export it again.',
    });
  }

  const voxels = decodeVoxels(data, 0, count, type, le, null);

  return createImage({ size, ...placement }, voxels.pixelType, voxels.data);
}
