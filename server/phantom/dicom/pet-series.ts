/**
 * PET Image Storage with everything a body-weight SUV needs: Units BQML, decay
 * correction to the series start (DecayCorrection START), the patient's weight, and a
 * Radiopharmaceutical Information Sequence with injection time, total dose and
 * half-life. Every slice gets its own RescaleSlope so its largest value fills the
 * stored range, as scanners do.
 *
 *   SUVbw = stored · RescaleSlope · weight[g] / (dose[Bq] · 2^(−(seriesStart − injection) / T½))
 *
 * Known shortcoming: every slice is stamped with the series start as acquisition time
 * (one bed, DecayFactor 1); multi-bed timing per slice would test readers that decay-
 * correct per slice.
 */
import type { PatientPlan, TimepointPlan, TracerTiming } from '../patient-plan';
import type { DicomDataset } from './encoder';
import { dicomDate, dicomTime, dsValue } from './values';
import type { Quantised } from './volume-series';

export const F18_HALF_LIFE_S = 6586.2;

interface Code extends DicomDataset {
  CodeValue: string;
  CodingSchemeDesignator: string;
  CodeMeaning: string;
  EquivalentCodeSequence?: Code[];
}

const F18: Code = {
  CodeValue: '77004003',
  CodingSchemeDesignator: 'SCT',
  CodeMeaning: '^18^Fluorine',
  EquivalentCodeSequence: [
    { CodeValue: 'C-111A1', CodingSchemeDesignator: 'SRT', CodeMeaning: '^18^Fluorine' },
  ],
};

export interface Tracer {
  name: 'FDG' | 'FMISO';
  radiopharmaceutical: string;
  code: Code;
  /** Stored as int16 or uint16; both occur in the wild. */
  signed: boolean;
}

export const FDG: Tracer = {
  name: 'FDG',
  radiopharmaceutical: 'Fluorodeoxyglucose',
  code: {
    CodeValue: '35321007',
    CodingSchemeDesignator: 'SCT',
    CodeMeaning: 'Fluorodeoxyglucose F^18^',
    EquivalentCodeSequence: [
      {
        CodeValue: 'C-B1031',
        CodingSchemeDesignator: 'SRT',
        CodeMeaning: 'Fluorodeoxyglucose F^18^',
      },
    ],
  },
  signed: false,
};

/** Only the legacy SNOMED-RT code of FMISO (from DICOM CID 4021) is used here. */
export const FMISO: Tracer = {
  name: 'FMISO',
  radiopharmaceutical: 'Fluoromisonidazole',
  code: {
    CodeValue: 'C-B07E1',
    CodingSchemeDesignator: 'SRT',
    CodeMeaning: 'Fluoromisonidazole F^18^',
  },
  signed: true,
};

/** Multiplying a decoded value (Bq/ml) by this gives SUVbw. */
export function bqmlToSuv(timing: TracerTiming, weightKg: number): number {
  const elapsedS = timing.seriesStartSec - timing.injectionSec;
  const decayedDoseBq = timing.injectedDoseBq * 2 ** (-elapsedS / F18_HALF_LIFE_S);

  return (weightKg * 1000) / decayedDoseBq;
}

export function petElements(
  patient: PatientPlan,
  tp: TimepointPlan,
  tracer: Tracer,
  timing: TracerTiming,
  sliceCount: number,
): DicomDataset {
  const date = dicomDate(tp.date);

  return {
    ImageType: ['ORIGINAL', 'PRIMARY'],
    SeriesType: ['WHOLE BODY', 'IMAGE'],
    Units: 'BQML',
    CountsSource: 'EMISSION',
    DecayCorrection: 'START',
    CorrectedImage: ['DECY', 'ATTN', 'SCAT', 'DTIM', 'RAN', 'NORM'],
    RandomsCorrectionMethod: 'DLYD',
    AttenuationCorrectionMethod: 'CT-based',
    ReconstructionMethod: 'OSEM 3i21s',
    CollimatorType: 'NONE',
    NumberOfSlices: sliceCount,
    AcquisitionDate: date,
    AcquisitionTime: dicomTime(timing.seriesStartSec),
    FrameReferenceTime: 0,
    ActualFrameDuration: 180000,
    DecayFactor: 1,
    SliceSensitivityFactor: 1,
    RescaleIntercept: 0,
    PatientOrientationCodeSequence: [],
    PatientGantryRelationshipCodeSequence: [],
    RadiopharmaceuticalInformationSequence: [
      {
        Radiopharmaceutical: tracer.radiopharmaceutical,
        RadiopharmaceuticalStartTime: dicomTime(timing.injectionSec),
        RadiopharmaceuticalStartDateTime: `${date}${dicomTime(timing.injectionSec)}`,
        RadionuclideTotalDose: timing.injectedDoseBq,
        RadionuclideHalfLife: F18_HALF_LIFE_S,
        RadionuclidePositronFraction: 0.9673,
        RadionuclideCodeSequence: [{ ...F18 }],
        RadiopharmaceuticalCodeSequence: [{ ...tracer.code }],
      },
    ],
    PatientWeight: tp.weightKg,
    PatientSize: patient.heightM,
  };
}

/** Quantises one slice of activity (Bq/ml) with a slope chosen for that slice. */
export function quantisePet(
  bqml: Float64Array,
  signed: boolean,
  imageIndex: () => number,
): Quantised {
  const top = signed ? 32767 : 65535;
  let max = 0;
  for (let n = 0; n < bqml.length; n++) max = Math.max(max, bqml[n]!);
  // The slope a reader sees is the DS text, so quantise with exactly that value.
  const slope = dsValue(max > 0 ? max / top : 1);
  const pixels = signed ? new Int16Array(bqml.length) : new Uint16Array(bqml.length);
  const decoded = new Float64Array(bqml.length);
  for (let n = 0; n < bqml.length; n++) {
    const stored = Math.min(top, Math.max(0, Math.round(bqml[n]! / slope)));
    pixels[n] = stored;
    decoded[n] = stored * slope;
  }
  const elements = {
    PixelRepresentation: signed ? 1 : 0,
    RescaleSlope: slope,
    ImageIndex: imageIndex(),
  };

  return { pixels, elements, decoded };
}
