/**
 * The per-instance PET facts SUV needs, under their DICOM keywords, in the shape of the
 * DICOM reader's PetFields and of public vendor metadata dumps: dates and times stay
 * DICOM strings (DA, TM, DT), numbers are numbers. Every field may be missing.
 */
export interface PetSuvMetadata {
  SeriesDate?: string;
  SeriesTime?: string;
  AcquisitionDate?: string;
  AcquisitionTime?: string;
  /** kg */
  PatientWeight?: number;
  /** m */
  PatientSize?: number;
  PatientSex?: string;
  /** BQML, GML, CNTS, ... (0054,1001) */
  Units?: string;
  /** START, ADMIN or NONE (0054,1102) */
  DecayCorrection?: string;
  CorrectedImage?: string[];
  /** Bq at RadiopharmaceuticalStartDateTime (some writers put MBq; see dose.ts) */
  RadionuclideTotalDose?: number;
  /** s */
  RadionuclideHalfLife?: number;
  RadiopharmaceuticalStartTime?: string;
  RadiopharmaceuticalStartDateTime?: string;
  /** ms from the first frame start to this frame's reference time */
  FrameReferenceTime?: number;
  /** ms */
  ActualFrameDuration?: number;
  /** Private (7053,1000) and (7053,1009); dumps carry them as decimal strings. */
  PhilipsPETPrivateGroup?: {
    SUVScaleFactor?: number | string;
    ActivityConcentrationScaleFactor?: number | string;
  };
}

export type SuvFactorResult =
  | {
      available: true;
      /** SUVbw = stored value after rescale x suvBwFactor. */
      suvBwFactor: number;
      /** SUL (lean body mass, Janmahasatian) = stored value after rescale x sulFactor. */
      sulFactor: number | null;
      leanBodyMassKg: number | null;
      /** One line on how the factor was obtained, for the audit trail. */
      method: string;
      warnings: string[];
      /**
       * Only with DecayCorrection NONE: one factor per input instance (same order), as
       * each frame decays by a different amount; suvBwFactor is then the first one.
       */
      instanceSuvBwFactors?: number[];
    }
  | { available: false; reason: string };

/** Raised inside the calculator to stop with a reason; never escapes computeSuvFactors. */
export class SuvUnavailable extends Error {}
