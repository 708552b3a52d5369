/**
 * The normalised header of one DICOM instance, as ingest stores and groups it. Field
 * names are camelCase with units, except the PET block, which keeps the DICOM keywords
 * that SUV code (and the vendor test metadata) use.
 */
import type { Vec3 } from '../image';
import type { ContrastBolusFields } from './contrast-fields';
import type { FrameFunctionalGroups } from './functional-groups';
import type { MrFields } from './mr-fields';
import type { PetFields } from './pet-fields';
import type { SegFields } from './seg-fields';

/** Stored pixel values of one frame, before rescale, in the array type the bits imply. */
export type FramePixels =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array;

export interface CodedConcept {
  codeValue?: string;
  codingSchemeDesignator?: string;
  codeMeaning?: string;
}

export interface DicomInstance {
  source: string;
  /** SHA-256 (hex) of the file bytes as received. */
  contentSha256: string;
  /** True when the file had no preamble or file meta and was accepted as a bare dataset. */
  withoutFileMeta: boolean;
  sopClassUid: string;
  sopClassName: string;
  sopInstanceUid?: string;
  modality?: string;
  transferSyntaxUid: string;
  transferSyntaxName: string;
  instanceNumber?: number;
  patient: {
    id?: string;
    sex?: string;
    birthDate?: string;
    weightKg?: number;
    sizeM?: number;
  };
  study: { uid?: string; date?: string; time?: string; description?: string };
  series: { uid?: string; number?: number; description?: string; date?: string; time?: string };
  acquisitionDate?: string;
  acquisitionTime?: string;
  acquisitionDateTime?: string;
  /** Fallbacks for placing de-identified files whose study date was blanked. */
  contentDate?: string;
  instanceCreationDate?: string;
  frameOfReferenceUid?: string;
  imagePositionPatient?: Vec3;
  /** Row direction cosines then column direction cosines (DICOM order). */
  imageOrientationPatient?: [number, number, number, number, number, number];
  /** DICOM order: [spacing between rows (vertical), spacing between columns]. */
  pixelSpacingMm?: [number, number];
  sliceThicknessMm?: number;
  spacingBetweenSlicesMm?: number;
  rows: number;
  columns: number;
  frames: number;
  bitsAllocated: number;
  bitsStored: number;
  pixelRepresentation: number;
  photometricInterpretation: string;
  samplesPerPixel: number;
  /** 'integer' for Pixel Data, 'float32'/'float64' for (Double) Float Pixel Data. */
  sampleKind: 'integer' | 'float32' | 'float64';
  rescaleSlope?: number;
  rescaleIntercept?: number;
  rescaleType?: string;
  windowCenter?: number[];
  windowWidth?: number[];
  imageType: string[];
  /** Contrast/Bolus module, when any of its elements has a value. */
  contrastBolus?: ContrastBolusFields;
  pet?: PetFields;
  mr?: MrFields;
  seg?: SegFields;
  /** Per-frame geometry of enhanced multi-frame objects, shared values already merged in. */
  frameGroups?: FrameFunctionalGroups[];
  /** Stored values of frame `index` (0-based). Compressed syntaxes need loadCodecs() first. */
  decodeFrame(index: number): FramePixels;
}
