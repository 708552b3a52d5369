/** The common (non-pixel) part of the normalised header. */
import type { DataSet } from 'dicom-parser';
import type { Vec3 } from '../image';
import type { DicomInstance } from './instance';
import { decimal, numbers, text, texts } from './values';

export type CommonHeader = Pick<
  DicomInstance,
  | 'sopInstanceUid'
  | 'modality'
  | 'instanceNumber'
  | 'patient'
  | 'study'
  | 'series'
  | 'acquisitionDate'
  | 'acquisitionTime'
  | 'acquisitionDateTime'
  | 'contentDate'
  | 'instanceCreationDate'
  | 'frameOfReferenceUid'
  | 'imagePositionPatient'
  | 'imageOrientationPatient'
  | 'pixelSpacingMm'
  | 'sliceThicknessMm'
  | 'spacingBetweenSlicesMm'
  | 'rescaleSlope'
  | 'rescaleIntercept'
  | 'rescaleType'
  | 'windowCenter'
  | 'windowWidth'
  | 'imageType'
>;

function fixed<N extends number>(values: number[] | undefined, length: N) {
  return values?.length === length ? values : undefined;
}

export function readCommonHeader(ds: DataSet): CommonHeader {
  return {
    sopInstanceUid: text(ds, 'x00080018'),
    modality: text(ds, 'x00080060'),
    instanceNumber: decimal(ds, 'x00200013'),
    patient: {
      id: text(ds, 'x00100020'),
      sex: text(ds, 'x00100040'),
      birthDate: text(ds, 'x00100030'),
      weightKg: decimal(ds, 'x00101030'),
      sizeM: decimal(ds, 'x00101020'),
    },
    study: {
      uid: text(ds, 'x0020000d'),
      date: text(ds, 'x00080020'),
      time: text(ds, 'x00080030'),
      description: text(ds, 'x00081030'),
    },
    series: {
      uid: text(ds, 'x0020000e'),
      number: decimal(ds, 'x00200011'),
      description: text(ds, 'x0008103e'),
      date: text(ds, 'x00080021'),
      time: text(ds, 'x00080031'),
    },
    acquisitionDate: text(ds, 'x00080022'),
    acquisitionTime: text(ds, 'x00080032'),
    acquisitionDateTime: text(ds, 'x0008002a'),
    contentDate: text(ds, 'x00080023'),
    instanceCreationDate: text(ds, 'x00080012'),
    frameOfReferenceUid: text(ds, 'x00200052'),
    imagePositionPatient: fixed(numbers(ds, 'x00200032'), 3) as Vec3 | undefined,
    imageOrientationPatient: fixed(numbers(ds, 'x00200037'), 6) as
      [number, number, number, number, number, number] | undefined,
    pixelSpacingMm: fixed(numbers(ds, 'x00280030'), 2) as [number, number] | undefined,
    sliceThicknessMm: decimal(ds, 'x00180050'),
    spacingBetweenSlicesMm: decimal(ds, 'x00180088'),
    rescaleSlope: decimal(ds, 'x00281053'),
    rescaleIntercept: decimal(ds, 'x00281052'),
    rescaleType: text(ds, 'x00281054'),
    windowCenter: numbers(ds, 'x00281050'),
    windowWidth: numbers(ds, 'x00281051'),
    imageType: texts(ds, 'x00080008'),
  };
}
