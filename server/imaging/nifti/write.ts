import { gzipSync } from 'fflate';

import type { ImageVolume, Mat3, Vec3 } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';

import {
  determinant,
  flipRasLps,
  flipRasLpsPoint,
  rotationToQuaternion,
  scaleColumns,
} from './affine';
import { BYTES_BY_PIXEL_TYPE, CODE_BY_PIXEL_TYPE } from './datatypes';
import { littleEndianBytes } from './pixels';

export interface WriteNiftiOptions {
  gzip?: boolean;
}

/** 348-byte NIfTI-1 header plus the 4-byte "no extensions" flag. */
const VOXEL_OFFSET = 352;
/** NIFTI_XFORM_SCANNER_ANAT: coordinates are the scanner's patient frame, as DICOM's are. */
const XFORM_SCANNER_ANAT = 1;
/** xyzt_units: spatial unit millimetre. */
const UNITS_MM = 2;
const NIFTI1_MAX_DIM = 32767;

interface Orientation {
  qfac: 1 | -1;
  quatern: Vec3;
  qoffset: Vec3;
  srow: number[];
}

/**
 * RAS orientation of an LPS volume. The qform holds a proper rotation, so a left-handed
 * direction matrix is stored with its third column negated and qfac = -1.
 */
function orientation(volume: ImageVolume): Orientation {
  const rasDirection = flipRasLps(volume.direction);
  const qfac = determinant(rasDirection) < 0 ? -1 : 1;
  const rotation = scaleColumns(rasDirection, [1, 1, qfac]);
  const offset = flipRasLpsPoint(volume.originMm);
  const a: Mat3 = scaleColumns(rasDirection, volume.spacingMm);
  const srow = [0, 1, 2].flatMap((r) => [a[3 * r], a[3 * r + 1], a[3 * r + 2], offset[r]]);

  return {
    qfac,
    quatern: rotationToQuaternion(rotation),
    qoffset: offset,
    srow: srow.map((value) => value ?? 0),
  };
}

function writeHeader(view: DataView, volume: ImageVolume): void {
  const le = true;
  const o = orientation(volume);
  const f32 = (at: number, values: number[]) =>
    values.forEach((v, n) => view.setFloat32(at + 4 * n, v, le));
  const i16 = (at: number, values: number[]) =>
    values.forEach((v, n) => view.setInt16(at + 2 * n, v, le));

  view.setInt32(0, 348, le);
  i16(40, [3, ...volume.size, 1, 1, 1, 1]);
  i16(70, [CODE_BY_PIXEL_TYPE[volume.pixelType], 8 * BYTES_BY_PIXEL_TYPE[volume.pixelType]]);
  f32(76, [o.qfac, ...volume.spacingMm, 0, 0, 0, 0]);
  f32(108, [VOXEL_OFFSET, 1, 0]);
  view.setUint8(123, UNITS_MM);
  i16(252, [XFORM_SCANNER_ANAT, XFORM_SCANNER_ANAT]);
  f32(256, [...o.quatern, ...o.qoffset, ...o.srow]);
  [0x6e, 0x2b, 0x31, 0].forEach((c, n) => view.setUint8(344 + n, c));
}

/**
 * Only NIfTI-1 is written, so no axis may exceed 32767 voxels; larger volumes would need
 * a NIfTI-2 writer (the reader already handles NIfTI-2).
 *
 * Writes an LPS ImageVolume as single-file NIfTI-1 (gzip-compressed when asked), with
 * the same RAS placement in sform and qform, both coded as scanner anatomy.
 */
export function writeNifti(volume: ImageVolume, options: WriteNiftiOptions = {}): Uint8Array {
  if (volume.size.some((n) => n > NIFTI1_MAX_DIM)) {
    throw new AppError('UNSUPPORTED', `Size ${volume.size.join('x')} exceeds NIfTI-1 limits.`, {
      userMessage: `NIfTI-1 holds at most ${NIFTI1_MAX_DIM} voxels per axis; crop the volume.`,
    });
  }

  const voxels = littleEndianBytes(volume.data, BYTES_BY_PIXEL_TYPE[volume.pixelType]);
  const file = new Uint8Array(VOXEL_OFFSET + voxels.length);
  writeHeader(new DataView(file.buffer), volume);
  file.set(voxels, VOXEL_OFFSET);

  return options.gzip ? gzipSync(file) : file;
}
