import { createImage, type ImageVolume, type Vec3 } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';
import { logger, type Logger } from '@/server/lib/log';

import { niftiDatatype } from './datatypes';
import { niftiPlacement } from './geometry';
import { gunzipIfNeeded } from './gzip';
import { parseNiftiHeader, scalar, type NiftiHeader } from './header';
import { decodeVoxels, effectiveScaling } from './pixels';

export interface ReadNiftiOptions {
  /** Names the file in nonconformance logs; never a patient identifier. */
  file?: string;
}

function badDimensions(message: string, userMessage: string): AppError {
  return new AppError('UNSUPPORTED', message, { userMessage });
}

/** dim[0] is the number of dimensions; dims past the third must all be 1 (one volume). */
function volumeSize(header: NiftiHeader): Vec3 {
  const rank = header.dim[0] ?? 0;
  if (rank < 1 || rank > 7) {
    throw new AppError('BAD_INPUT', `NIfTI dim[0] is ${rank}; it must be 1 to 7.`, {
      userMessage: 'The NIfTI header is corrupt (dim[0] out of range); re-export the file.',
    });
  }

  const extent = (axis: number): number => (axis <= rank ? (header.dim[axis] ?? 0) : 1);
  if ([4, 5, 6, 7].some((axis) => extent(axis) > 1)) {
    throw badDimensions(
      `NIfTI has ${rank} dimensions with more than one volume.`,
      'This NIfTI is a time series or multi-volume image; split it into 3-D volumes first.',
    );
  }

  const size = [extent(1), extent(2), extent(3)] as Vec3;
  if (size.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new AppError('BAD_INPUT', `NIfTI dimensions ${size.join('x')} are invalid.`, {
      userMessage: 'The NIfTI header has an empty or negative dimension; re-export the file.',
    });
  }

  return size;
}

/**
 * Single-file NIfTI puts voxels after the header and a 4-byte extension flag, so at 352
 * (NIfTI-1) or 544 (NIfTI-2) at the earliest; a smaller vox_offset is a writer's slip.
 */
function voxelOffset(header: NiftiHeader, log: Logger): number {
  const earliest = header.version === 1 ? 352 : 544;
  const declared = scalar(header, 'voxOffset');
  if (declared >= earliest) return declared;

  log.warn(`NIfTI vox_offset ${declared} is inside the header; reading from ${earliest}`, {
    reason: 'vox_offset',
  });

  return earliest;
}

/**
 * Reads a single-file NIfTI-1 or NIfTI-2 volume (.nii, or .nii.gz detected by its gzip
 * magic) into an LPS ImageVolume, with scl_slope/scl_inter applied.
 */
export function readNifti(input: Uint8Array, options: ReadNiftiOptions = {}): ImageVolume {
  const log = logger('nonconformant', options.file ? { file: options.file } : {});
  const bytes = gunzipIfNeeded(input, 'NIfTI file');
  const header = parseNiftiHeader(bytes);
  const size = volumeSize(header);
  const type = niftiDatatype(scalar(header, 'datatype'));
  const count = size[0] * size[1] * size[2];
  const offset = voxelOffset(header, log);
  if (offset + count * type.bytes > bytes.length) {
    throw new AppError('BAD_INPUT', 'NIfTI voxel data is shorter than its header says.', {
      userMessage: 'The NIfTI file is truncated; copy or export it again.',
    });
  }

  const placement = niftiPlacement(header, log);
  const scaling = effectiveScaling(scalar(header, 'sclSlope'), scalar(header, 'sclInter'));
  const { pixelType, data } = decodeVoxels(
    bytes, offset, count, type, header.littleEndian, scaling,
  );
  const { spacingMm, originMm, direction } = placement;

  return createImage({ size, spacingMm, originMm, direction }, pixelType, data);
}
