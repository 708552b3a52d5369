/**
 * The one image type of Hallmark's compute core. Every volume and mask carries its
 * geometry; nothing downstream infers spacing or orientation from anywhere else.
 *
 * Coordinates are DICOM patient coordinates (LPS, millimetres). Voxel (i, j, k) with i
 * fastest maps to
 *   point = origin + direction · diag(spacing) · [i, j, k]
 * where `direction` is a row-major 3x3 matrix whose columns are the unit vectors of
 * the i, j and k axes in patient space (the ITK convention).
 */

export type PixelType = 'uint8' | 'int16' | 'uint16' | 'int32' | 'float32' | 'float64';

export type PixelArray =
  Uint8Array | Int16Array | Uint16Array | Int32Array | Float32Array | Float64Array;

export type Vec3 = [number, number, number];

/** Row-major 3x3: [r0c0, r0c1, r0c2, r1c0, ...]. Column c is the direction of axis c. */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

export interface ImageGeometry {
  /** Voxels along i (columns), j (rows) and k (slices). */
  size: Vec3;
  spacingMm: Vec3;
  /** Patient position (LPS, mm) of the centre of voxel (0, 0, 0). */
  originMm: Vec3;
  direction: Mat3;
}

export interface ImageVolume extends ImageGeometry {
  pixelType: PixelType;
  data: PixelArray;
}

export const IDENTITY_DIRECTION: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

const ARRAY_BY_TYPE = {
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
} as const;

/** Bytes one voxel takes in a typed buffer of each pixel type. */
export const BYTES_BY_PIXEL_TYPE: Record<PixelType, number> = {
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  float32: 4,
  float64: 8,
};

export function voxelCount(size: Vec3): number {
  return size[0] * size[1] * size[2];
}

export function allocatePixels(pixelType: PixelType, count: number): PixelArray {
  return new ARRAY_BY_TYPE[pixelType](count);
}

export function createImage(
  geometry: ImageGeometry,
  pixelType: PixelType,
  data?: PixelArray,
): ImageVolume {
  const count = voxelCount(geometry.size);
  const pixels = data ?? allocatePixels(pixelType, count);
  if (pixels.length !== count) {
    throw new Error(`Pixel buffer holds ${pixels.length} values but the geometry needs ${count}.`);
  }

  return { ...geometry, pixelType, data: pixels };
}

export function pixelTypeOf(data: PixelArray): PixelType {
  if (data instanceof Uint8Array) return 'uint8';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Uint16Array) return 'uint16';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Float32Array) return 'float32';

  return 'float64';
}

/** Patient position (LPS, mm) of a continuous voxel index. */
export function indexToPoint(geometry: ImageGeometry, index: Vec3): Vec3 {
  const { originMm: o, spacingMm: s, direction: d } = geometry;
  const a = index[0] * s[0];
  const b = index[1] * s[1];
  const c = index[2] * s[2];

  return [
    o[0] + d[0] * a + d[1] * b + d[2] * c,
    o[1] + d[3] * a + d[4] * b + d[5] * c,
    o[2] + d[6] * a + d[7] * b + d[8] * c,
  ];
}

/** Continuous voxel index of a patient point; the direction matrix is orthonormal. */
export function pointToIndex(geometry: ImageGeometry, point: Vec3): Vec3 {
  const { originMm: o, spacingMm: s, direction: d } = geometry;
  const x = point[0] - o[0];
  const y = point[1] - o[1];
  const z = point[2] - o[2];

  return [
    (d[0] * x + d[3] * y + d[6] * z) / s[0],
    (d[1] * x + d[4] * y + d[7] * z) / s[1],
    (d[2] * x + d[5] * y + d[8] * z) / s[2],
  ];
}

export function voxelVolumeMl(geometry: ImageGeometry): number {
  const [sx, sy, sz] = geometry.spacingMm;

  return (sx * sy * sz) / 1000;
}
