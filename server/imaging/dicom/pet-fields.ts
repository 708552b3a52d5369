/**
 * PET quantitation fields under their DICOM keywords, shaped like the vendor metadata
 * used by SUV calculators (see shared/data/pet-suv-vendor-metadata): dates and times
 * stay as DICOM strings, numbers are numbers.
 */
import type { DataSet } from 'dicom-parser';
import { readCode } from './coded';
import type { PetSuvMetadata } from '../suv/metadata';
import type { CodedConcept } from './instance';
import { decimal, firstItem, text, texts } from './values';

/** The SUV metadata plus what names the tracer; the Philips factors are read as numbers. */
export interface PetFields extends Omit<PetSuvMetadata, 'PhilipsPETPrivateGroup'> {
  /** Philips private scale factors (7053,1000) and (7053,1009); empty on other vendors. */
  PhilipsPETPrivateGroup: { SUVScaleFactor?: number; ActivityConcentrationScaleFactor?: number };
  Radiopharmaceutical?: string;
  RadiopharmaceuticalCode?: CodedConcept;
  RadionuclideCode?: CodedConcept;
}

/**
 * Philips puts its scale factors in private block 7053,10xx. Anonymisers often drop the
 * private creator (the SUV reference objects have none), so a missing creator is trusted
 * on a Philips scanner; a creator naming someone else is not.
 */
function philipsGroup(ds: DataSet): PetFields['PhilipsPETPrivateGroup'] {
  const creator = text(ds, 'x70530010');
  const philips = creator ? /philips/i.test(creator) : /philips/i.test(text(ds, 'x00080070') ?? '');
  if (!philips) return {};

  return withoutUndefined({
    SUVScaleFactor: decimal(ds, 'x70531000'),
    ActivityConcentrationScaleFactor: decimal(ds, 'x70531009'),
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function readPetFields(ds: DataSet): PetFields {
  const drug = firstItem(ds, 'x00540016');
  const corrected = texts(ds, 'x00280051');

  return withoutUndefined<PetFields>({
    SeriesDate: text(ds, 'x00080021'),
    SeriesTime: text(ds, 'x00080031'),
    AcquisitionDate: text(ds, 'x00080022'),
    AcquisitionTime: text(ds, 'x00080032'),
    PatientWeight: decimal(ds, 'x00101030'),
    PatientSize: decimal(ds, 'x00101020'),
    PatientSex: text(ds, 'x00100040'),
    Units: text(ds, 'x00541001'),
    DecayCorrection: text(ds, 'x00541102'),
    CorrectedImage: corrected.length > 0 ? corrected : undefined,
    RadionuclideTotalDose: drug && decimal(drug, 'x00181074'),
    RadionuclideHalfLife: drug && decimal(drug, 'x00181075'),
    RadiopharmaceuticalStartTime: drug && text(drug, 'x00181072'),
    RadiopharmaceuticalStartDateTime: drug && text(drug, 'x00181078'),
    FrameReferenceTime: decimal(ds, 'x00541300'),
    ActualFrameDuration: decimal(ds, 'x00181242'),
    PhilipsPETPrivateGroup: philipsGroup(ds),
    Radiopharmaceutical: drug && text(drug, 'x00180031'),
    RadiopharmaceuticalCode: drug && readCode(drug, 'x00540304'),
    RadionuclideCode: drug && readCode(drug, 'x00540300'),
  });
}
