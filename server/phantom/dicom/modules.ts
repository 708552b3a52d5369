/**
 * The modules every phantom instance shares (Patient, General Study, General Series,
 * Frame of Reference, General Equipment, SOP Common) and the image-plane and
 * image-pixel attributes of one axial slice.
 */
import type { ImageGeometry } from '@/server/imaging/image';
import type { PatientPlan, TimepointPlan } from '../patient-plan';
import type { DicomDataset } from './encoder';
import { dicomDate, dicomTime } from './values';

export const SOP_CLASS = {
  ct: '1.2.840.10008.5.1.4.1.1.2',
  pet: '1.2.840.10008.5.1.4.1.1.128',
  mr: '1.2.840.10008.5.1.4.1.1.4',
  seg: '1.2.840.10008.5.1.4.1.1.66.4',
} as const;

export interface StudyIds {
  studyInstanceUid: string;
  frameOfReferenceUid: string;
}

export interface SeriesInfo {
  seriesInstanceUid: string;
  seriesNumber: number;
  modality: 'CT' | 'PT' | 'MR' | 'SEG';
  description: string;
  seriesSec: number;
}

function ageAt(patient: PatientPlan, date: string): string {
  const years = Number(date.slice(0, 4)) - patient.birthYear - (date.slice(5) < '07-01' ? 1 : 0);

  return `${String(years).padStart(3, '0')}Y`;
}

export function studyModules(patient: PatientPlan, tp: TimepointPlan, ids: StudyIds): DicomDataset {
  return {
    SpecificCharacterSet: 'ISO_IR 100',
    PatientName: `PHANTOM^${patient.patientId}`,
    PatientID: patient.patientId,
    // Birth dates are set to 1 July: only the year is part of the truth.
    PatientBirthDate: `${patient.birthYear}0701`,
    PatientSex: patient.sex,
    PatientAge: ageAt(patient, tp.date),
    PatientWeight: tp.weightKg,
    PatientSize: patient.heightM,
    StudyInstanceUID: ids.studyInstanceUid,
    StudyDate: dicomDate(tp.date),
    StudyTime: dicomTime(tp.studySec),
    StudyID: `TP${tp.index}`,
    AccessionNumber: `${patient.patientId.replace('-', '')}T${tp.index}`,
    ReferringPhysicianName: '',
    StudyDescription: `Hallmark phantom timepoint ${tp.index}`,
    FrameOfReferenceUID: ids.frameOfReferenceUid,
    PositionReferenceIndicator: '',
    Manufacturer: 'Hallmark',
    ManufacturerModelName: 'Phantom generator',
    DeviceSerialNumber: 'HM-PHANTOM-1',
    SoftwareVersions: '1',
    InstitutionName: 'Hallmark phantom site',
  };
}

export function seriesModule(tp: TimepointPlan, series: SeriesInfo): DicomDataset {
  return {
    Modality: series.modality,
    SeriesInstanceUID: series.seriesInstanceUid,
    SeriesNumber: series.seriesNumber,
    SeriesDescription: series.description,
    SeriesDate: dicomDate(tp.date),
    SeriesTime: dicomTime(series.seriesSec),
    BodyPartExamined: 'CHEST',
    PatientPosition: series.modality === 'SEG' ? undefined : 'HFS',
  };
}

/** Axial slice k: orientation is the scanner's axes, position its first voxel's centre. */
export function slicePlane(geometry: ImageGeometry, z: number): DicomDataset {
  const [px, py, pz] = geometry.spacingMm;

  return {
    ImagePositionPatient: [geometry.originMm[0], geometry.originMm[1], z],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    // Pixel Spacing is row spacing (between rows, along y) then column spacing.
    PixelSpacing: [py, px],
    SliceThickness: pz,
    SliceLocation: z,
    Rows: geometry.size[1],
    Columns: geometry.size[0],
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
  };
}

export function pixelBytes(pixels: Int16Array | Uint16Array): Uint8Array {
  return new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
}
