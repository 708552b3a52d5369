/**
 * Builds NIfTI files byte by byte for tests, with offsets written out from the NIfTI-1
 * and NIfTI-2 header definitions rather than taken from the reader's own layout table.
 */

export interface NiftiSpec {
  version?: 1 | 2;
  littleEndian?: boolean;
  dim: number[];
  datatype: number;
  bitpix: number;
  pixdim: number[];
  sclSlope?: number;
  sclInter?: number;
  xyztUnits?: number;
  qformCode?: number;
  sformCode?: number;
  quatern?: number[];
  qoffset?: number[];
  srow?: number[];
  magic?: string;
  voxels: Uint8Array;
}

function fill(spec: NiftiSpec): Required<NiftiSpec> {
  return {
    version: 1,
    littleEndian: true,
    sclSlope: 1,
    sclInter: 0,
    xyztUnits: 2,
    qformCode: 0,
    sformCode: 0,
    quatern: [0, 0, 0],
    qoffset: [0, 0, 0],
    srow: new Array<number>(12).fill(0),
    magic: spec.version === 2 ? 'n+2' : 'n+1',
    ...spec,
  };
}

function nifti1(s: Required<NiftiSpec>): Uint8Array {
  const out = new Uint8Array(352 + s.voxels.length);
  const v = new DataView(out.buffer);
  const le = s.littleEndian;
  v.setInt32(0, 348, le);
  s.dim.forEach((d, n) => v.setInt16(40 + 2 * n, d, le));
  v.setInt16(70, s.datatype, le);
  v.setInt16(72, s.bitpix, le);
  s.pixdim.forEach((p, n) => v.setFloat32(76 + 4 * n, p, le));
  v.setFloat32(108, 352, le);
  v.setFloat32(112, s.sclSlope, le);
  v.setFloat32(116, s.sclInter, le);
  v.setUint8(123, s.xyztUnits);
  v.setInt16(252, s.qformCode, le);
  v.setInt16(254, s.sformCode, le);
  [...s.quatern, ...s.qoffset, ...s.srow].forEach((x, n) => v.setFloat32(256 + 4 * n, x, le));
  [...s.magic].forEach((c, n) => v.setUint8(344 + n, c.charCodeAt(0)));
  out.set(s.voxels, 352);

  return out;
}

function nifti2(s: Required<NiftiSpec>): Uint8Array {
  const out = new Uint8Array(544 + s.voxels.length);
  const v = new DataView(out.buffer);
  const le = s.littleEndian;
  v.setInt32(0, 540, le);
  [...s.magic, '\0', '\r', '\n', '\x1a', '\n'].forEach((c, n) =>
    v.setUint8(4 + n, c.charCodeAt(0)),
  );
  v.setInt16(12, s.datatype, le);
  v.setInt16(14, s.bitpix, le);
  s.dim.forEach((d, n) => v.setBigInt64(16 + 8 * n, BigInt(d), le));
  s.pixdim.forEach((p, n) => v.setFloat64(104 + 8 * n, p, le));
  v.setBigInt64(168, 544n, le);
  v.setFloat64(176, s.sclSlope, le);
  v.setFloat64(184, s.sclInter, le);
  v.setInt32(344, s.qformCode, le);
  v.setInt32(348, s.sformCode, le);
  [...s.quatern, ...s.qoffset, ...s.srow].forEach((x, n) => v.setFloat64(352 + 8 * n, x, le));
  v.setInt32(500, s.xyztUnits, le);
  out.set(s.voxels, 544);

  return out;
}

export function buildNifti(spec: NiftiSpec): Uint8Array {
  const full = fill(spec);

  return full.version === 2 ? nifti2(full) : nifti1(full);
}

/** A 2x2x2 int16 volume with values 0..7 (little endian). */
export function int16Ramp(): Uint8Array {
  return new Uint8Array(Int16Array.from([0, 1, 2, 3, 4, 5, 6, 7]).buffer);
}

export const CUBE_DIM = [3, 2, 2, 2, 1, 1, 1, 1];
