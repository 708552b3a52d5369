/**
 * Byte layout of the NIfTI-1 (348-byte) and NIfTI-2 (540-byte) headers, as one table per
 * version so that a single reader serves both. Offsets are from the NIfTI-1 and NIfTI-2
 * header definitions (nifti1.h, nifti2.h) published by the NIfTI DFWG.
 */

export type FieldKind = 'u8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64';

export interface FieldSpec {
  offset: number;
  kind: FieldKind;
  count: number;
}

export type HeaderField =
  | 'dim'
  | 'datatype'
  | 'bitpix'
  | 'pixdim'
  | 'voxOffset'
  | 'sclSlope'
  | 'sclInter'
  | 'xyztUnits'
  | 'qformCode'
  | 'sformCode'
  | 'quatern'
  | 'qoffset'
  | 'srow';

export type HeaderLayout = Record<HeaderField, FieldSpec>;

const f = (offset: number, kind: FieldKind, count = 1): FieldSpec => ({ offset, kind, count });

export const NIFTI1_LAYOUT: HeaderLayout = {
  dim: f(40, 'i16', 8),
  datatype: f(70, 'i16'),
  bitpix: f(72, 'i16'),
  pixdim: f(76, 'f32', 8),
  voxOffset: f(108, 'f32'),
  sclSlope: f(112, 'f32'),
  sclInter: f(116, 'f32'),
  xyztUnits: f(123, 'u8'),
  qformCode: f(252, 'i16'),
  sformCode: f(254, 'i16'),
  quatern: f(256, 'f32', 3),
  qoffset: f(268, 'f32', 3),
  srow: f(280, 'f32', 12),
};

export const NIFTI2_LAYOUT: HeaderLayout = {
  dim: f(16, 'i64', 8),
  datatype: f(12, 'i16'),
  bitpix: f(14, 'i16'),
  pixdim: f(104, 'f64', 8),
  voxOffset: f(168, 'i64'),
  sclSlope: f(176, 'f64'),
  sclInter: f(184, 'f64'),
  xyztUnits: f(500, 'i32'),
  qformCode: f(344, 'i32'),
  sformCode: f(348, 'i32'),
  quatern: f(352, 'f64', 3),
  qoffset: f(376, 'f64', 3),
  srow: f(400, 'f64', 12),
};

export const FIELD_BYTES: Record<FieldKind, number> = {
  u8: 1,
  i16: 2,
  i32: 4,
  i64: 8,
  f32: 4,
  f64: 8,
};

export const NIFTI1_HEADER_BYTES = 348;
export const NIFTI2_HEADER_BYTES = 540;
/** Where the magic string sits: after the header in NIfTI-1, right after sizeof_hdr in 2. */
export const NIFTI1_MAGIC_OFFSET = 344;
export const NIFTI2_MAGIC_OFFSET = 4;
