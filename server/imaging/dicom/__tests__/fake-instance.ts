/** Hand-built DicomInstance objects for geometry tests: only what assembly reads is real. */
import type { Vec3 } from '../../image';
import type { DicomInstance, FramePixels } from '../instance';

export const AXIAL: [number, number, number, number, number, number] = [1, 0, 0, 0, 1, 0];

export interface FakeSlice {
  position: Vec3;
  orientation?: [number, number, number, number, number, number];
  pixels: FramePixels;
  rows?: number;
  columns?: number;
  spacingMm?: [number, number];
  slope?: number;
  intercept?: number;
  source?: string;
}

export function fakeInstance(
  slice: FakeSlice,
  overrides: Partial<DicomInstance> = {},
): DicomInstance {
  const rows = slice.rows ?? 2;
  const columns = slice.columns ?? 2;

  return {
    source: slice.source ?? `z=${slice.position[2]}`,
    contentSha256: '',
    withoutFileMeta: false,
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    sopClassName: 'CT Image Storage',
    transferSyntaxUid: '1.2.840.10008.1.2.1',
    transferSyntaxName: 'Explicit VR Little Endian',
    patient: {},
    study: {},
    series: {},
    imagePositionPatient: slice.position,
    imageOrientationPatient: slice.orientation ?? AXIAL,
    pixelSpacingMm: slice.spacingMm ?? [0.5, 0.8],
    rows,
    columns,
    frames: 1,
    bitsAllocated: 16,
    bitsStored: 16,
    pixelRepresentation: 1,
    photometricInterpretation: 'MONOCHROME2',
    samplesPerPixel: 1,
    sampleKind: 'integer',
    rescaleSlope: slice.slope,
    rescaleIntercept: slice.intercept,
    imageType: [],
    decodeFrame: () => slice.pixels,
    ...overrides,
  };
}

/** A 2x2 axial slice at height z whose four stored values all equal `value`. */
export function flatSlice(z: number, value: number, extra: Partial<FakeSlice> = {}) {
  return fakeInstance({ position: [0, 0, z], pixels: new Int16Array(4).fill(value), ...extra });
}
