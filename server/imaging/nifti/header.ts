import { AppError } from '@/server/lib/errors';

import {
  FIELD_BYTES,
  NIFTI1_HEADER_BYTES,
  NIFTI1_LAYOUT,
  NIFTI1_MAGIC_OFFSET,
  NIFTI2_HEADER_BYTES,
  NIFTI2_LAYOUT,
  NIFTI2_MAGIC_OFFSET,
  type FieldKind,
  type FieldSpec,
  type HeaderField,
} from './layout';

/** The header fields Hallmark uses, with both versions read into plain numbers. */
export type NiftiHeader = Record<HeaderField, number[]> & {
  version: 1 | 2;
  littleEndian: boolean;
};

function readValue(view: DataView, offset: number, kind: FieldKind, le: boolean): number {
  switch (kind) {
    case 'u8':
      return view.getUint8(offset);
    case 'i16':
      return view.getInt16(offset, le);
    case 'i32':
      return view.getInt32(offset, le);
    case 'i64':
      return Number(view.getBigInt64(offset, le));
    case 'f32':
      return view.getFloat32(offset, le);
    case 'f64':
      return view.getFloat64(offset, le);
  }
}

function readField(view: DataView, spec: FieldSpec, le: boolean): number[] {
  const values: number[] = [];
  for (let n = 0; n < spec.count; n += 1) {
    values.push(readValue(view, spec.offset + n * FIELD_BYTES[spec.kind], spec.kind, le));
  }

  return values;
}

function notNifti(reason: string): AppError {
  return new AppError('BAD_INPUT', `Not a NIfTI file: ${reason}.`, {
    userMessage: 'The file is not a NIfTI-1 or NIfTI-2 image; check that it is a .nii or .nii.gz.',
  });
}

/** sizeof_hdr is 348 (NIfTI-1) or 540 (NIfTI-2); reading it both ways gives the byte order. */
function detectVersion(view: DataView): { version: 1 | 2; littleEndian: boolean } {
  if (view.byteLength < NIFTI1_HEADER_BYTES) throw notNifti('shorter than a header');

  for (const littleEndian of [true, false]) {
    const sizeofHdr = view.getInt32(0, littleEndian);
    if (sizeofHdr === NIFTI1_HEADER_BYTES) return { version: 1, littleEndian };
    if (sizeofHdr === NIFTI2_HEADER_BYTES) return { version: 2, littleEndian };
  }

  throw notNifti('sizeof_hdr is neither 348 nor 540');
}

function readMagic(bytes: Uint8Array, version: 1 | 2): string {
  const offset = version === 1 ? NIFTI1_MAGIC_OFFSET : NIFTI2_MAGIC_OFFSET;

  return String.fromCharCode(...bytes.subarray(offset, offset + 3));
}

function checkMagic(bytes: Uint8Array, version: 1 | 2): void {
  const magic = readMagic(bytes, version);
  if (magic === `n+${version}`) return;
  if (magic === `ni${version}`) {
    throw new AppError('UNSUPPORTED', 'NIfTI header/image pairs (.hdr/.img) are not read.', {
      userMessage: 'Convert the .hdr/.img pair to a single .nii or .nii.gz file first.',
    });
  }

  throw notNifti(`magic is "${magic}"`);
}

/** Parses the header of an uncompressed single-file NIfTI-1 or NIfTI-2 image. */
export function parseNiftiHeader(bytes: Uint8Array): NiftiHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { version, littleEndian } = detectVersion(view);
  if (version === 2 && bytes.length < NIFTI2_HEADER_BYTES) throw notNifti('header truncated');
  checkMagic(bytes, version);

  const layout = version === 1 ? NIFTI1_LAYOUT : NIFTI2_LAYOUT;
  const fields = Object.fromEntries(
    Object.entries(layout).map(([name, spec]) => [name, readField(view, spec, littleEndian)]),
  ) as Record<HeaderField, number[]>;

  return { ...fields, version, littleEndian };
}

/** The first value of a header field; every field has at least one. */
export function scalar(header: NiftiHeader, field: HeaderField): number {
  return header[field][0] ?? 0;
}
