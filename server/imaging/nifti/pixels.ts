import { allocatePixels, type PixelArray, type PixelType } from '@/server/imaging/image';

import type { SourceKind, VoxelEncoding } from './datatypes';

type Getter = (view: DataView, offset: number, littleEndian: boolean) => number;

const GETTERS: Record<SourceKind, Getter> = {
  uint8: (v, o) => v.getUint8(o),
  int8: (v, o) => v.getInt8(o),
  int16: (v, o, le) => v.getInt16(o, le),
  uint16: (v, o, le) => v.getUint16(o, le),
  int32: (v, o, le) => v.getInt32(o, le),
  uint32: (v, o, le) => v.getUint32(o, le),
  float32: (v, o, le) => v.getFloat32(o, le),
  float64: (v, o, le) => v.getFloat64(o, le),
};

export interface Scaling {
  slope: number;
  intercept: number;
}

/**
 * scl_slope = 0 means "no scaling" in the standard; slope 1 with intercept 0 changes
 * nothing. Only a scaling that changes values is returned.
 */
export function effectiveScaling(slope: number, intercept: number): Scaling | null {
  if (slope === 0 || !Number.isFinite(slope)) return null;
  if (slope === 1 && intercept === 0) return null;

  return { slope, intercept: Number.isFinite(intercept) ? intercept : 0 };
}

/**
 * Decodes `count` voxels starting at `offset`. With scaling the output is float32 (or
 * float64 when the stored type needs float64 to stay exact).
 */
export function decodeVoxels(
  bytes: Uint8Array,
  offset: number,
  count: number,
  type: VoxelEncoding,
  littleEndian: boolean,
  scaling: Scaling | null,
): { pixelType: PixelType; data: PixelArray } {
  const pixelType = scaling && type.pixelType !== 'float64' ? 'float32' : type.pixelType;
  const data = allocatePixels(pixelType, count);
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * type.bytes);
  const get = GETTERS[type.source];
  const slope = scaling?.slope ?? 1;
  const intercept = scaling?.intercept ?? 0;
  for (let n = 0; n < count; n += 1) {
    data[n] = get(view, n * type.bytes, littleEndian) * slope + intercept;
  }

  return { pixelType, data };
}

/** Voxel bytes in little-endian order, whatever the host's byte order. */
export function littleEndianBytes(data: PixelArray, bytesPerVoxel: number): Uint8Array {
  const out = new Uint8Array(data.length * bytesPerVoxel);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  const hostIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (!hostIsLittleEndian) {
    for (let at = 0; at < out.length; at += bytesPerVoxel) {
      out.subarray(at, at + bytesPerVoxel).reverse();
    }
  }

  return out;
}
