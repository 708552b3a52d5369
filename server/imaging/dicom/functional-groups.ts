/**
 * Enhanced multi-frame objects (enhanced CT/MR/PET, SEG, parametric maps) keep geometry
 * in functional groups: shared values once, per-frame values per frame. Each frame here
 * gets one flat record with the per-frame value winning over the shared one.
 */
import type { DataSet } from 'dicom-parser';
import type { Vec3 } from '../image';
import { DicomRejection } from './rejection';
import { binary, decimal, doubles, firstItem, items, numbers, text, type Tag } from './values';

export interface FrameFunctionalGroups {
  imagePositionPatient?: Vec3;
  imageOrientationPatient?: [number, number, number, number, number, number];
  pixelSpacingMm?: [number, number];
  sliceThicknessMm?: number;
  spacingBetweenSlicesMm?: number;
  rescaleSlope?: number;
  rescaleIntercept?: number;
  windowCenter?: number;
  windowWidth?: number;
  referencedSegmentNumber?: number;
  referencedSopInstanceUid?: string;
  dimensionIndexValues?: number[];
  temporalPositionIndex?: number;
  diffusionBValue?: number;
}

function inItem(ds: DataSet, sequence: Tag, read: (item: DataSet) => object): object {
  const item = firstItem(ds, sequence);

  return item === undefined ? {} : read(item);
}

function vec3(values: number[] | undefined): Vec3 | undefined {
  return values?.length === 3 ? [values[0]!, values[1]!, values[2]!] : undefined;
}

function six(values: number[] | undefined) {
  if (values?.length !== 6) return undefined;

  return values as [number, number, number, number, number, number];
}

function pair(values: number[] | undefined): [number, number] | undefined {
  return values?.length === 2 ? [values[0]!, values[1]!] : undefined;
}

function sourceInstance(item: DataSet): string | undefined {
  const source = firstItem(item, 'x00082112');

  return source && text(source, 'x00081155');
}

function readGroup(fg: DataSet): Partial<FrameFunctionalGroups> {
  const dimension = items(fg, 'x00209111')[0];
  const dimensionValues = dimension?.elements.x00209157;

  return {
    ...inItem(fg, 'x00209113', (i) => ({ imagePositionPatient: vec3(numbers(i, 'x00200032')) })),
    ...inItem(fg, 'x00209116', (i) => ({ imageOrientationPatient: six(numbers(i, 'x00200037')) })),
    ...inItem(fg, 'x00289110', (i) => ({
      pixelSpacingMm: pair(numbers(i, 'x00280030')),
      sliceThicknessMm: decimal(i, 'x00180050'),
      spacingBetweenSlicesMm: decimal(i, 'x00180088'),
    })),
    ...inItem(fg, 'x00289145', (i) => ({
      rescaleSlope: decimal(i, 'x00281053'),
      rescaleIntercept: decimal(i, 'x00281052'),
    })),
    ...inItem(fg, 'x00289132', (i) => ({
      windowCenter: decimal(i, 'x00281050'),
      windowWidth: decimal(i, 'x00281051'),
    })),
    ...inItem(fg, 'x0062000a', (i) => ({ referencedSegmentNumber: binary(i, 'x0062000b') })),
    ...inItem(fg, 'x00089124', (i) => ({ referencedSopInstanceUid: sourceInstance(i) })),
    ...inItem(fg, 'x00189117', (i) => ({ diffusionBValue: doubles(i, 'x00189087')[0] })),
    ...(dimension && {
      dimensionIndexValues: dimensionValues
        ? Array.from(
            { length: dimensionValues.length / 4 },
            (_, k) => dimension.uint32('x00209157', k) ?? 0,
          )
        : undefined,
      temporalPositionIndex: dimension.uint32('x00209128'),
    }),
  };
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Per-frame records, or undefined when the object has no functional groups. */
export function readFunctionalGroups(
  ds: DataSet,
  frames: number,
  source: string,
): FrameFunctionalGroups[] | undefined {
  const perFrame = items(ds, 'x52009230');
  const shared = firstItem(ds, 'x52009229');
  if (perFrame.length === 0 && shared === undefined) return undefined;
  // More groups than frames is seen in files trimmed by tools (pydicom's liver_1frame);
  // the first groups still describe the frames present. Fewer cannot be repaired.
  if (perFrame.length !== 0 && perFrame.length < frames) {
    throw new DicomRejection(
      'BAD_VALUE',
      source,
      `${perFrame.length} per-frame functional groups for ${frames} frames; ` +
        'the multi-frame header is inconsistent.',
    );
  }
  const sharedValues = shared ? defined(readGroup(shared)) : {};

  return Array.from({ length: frames }, (_, index) => {
    const own = perFrame[index];

    return { ...sharedValues, ...(own ? defined(readGroup(own)) : {}) };
  });
}
