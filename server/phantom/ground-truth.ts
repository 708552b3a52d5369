/**
 * The schema of `ground-truth.json`. Frames: the "baseline frame" is the patient model's
 * frame and equals the scanner frame of timepoint 0 (its pose is the identity). Each
 * timepoint's pose maps a baseline-frame point q to that timepoint's scanner frame:
 * p = rotation · q + translationMm (rotation row-major; see server/phantom/pose.ts for
 * how anglesDeg compose it). All positions are DICOM patient coordinates (LPS, mm).
 */
import type { ImageGeometry, Mat3, Vec3 } from '@/server/imaging/image';
import type { Behaviour } from './behaviour';
import type { PhantomSize } from './grids';
import type { Organ } from './organs';
import type { Arm } from './patient-plan';

export interface GroundTruth {
  schemaVersion: 1;
  seed: number;
  size: PhantomSize;
  /** Plain-language statement of the frames and units used below. */
  conventions: Record<string, string>;
  arms: Record<Arm, string>;
  patients: PatientTruth[];
}

export interface PatientTruth {
  patientId: string;
  sex: 'M' | 'F';
  birthYear: number;
  heightM: number;
  /** At baseline; each timepoint carries its own weight too. */
  weightKg: number;
  arm: Arm;
  /** Whether MR ADC, DCE Ktrans and FMISO PET series were written. */
  multimodal: boolean;
  lesions: LesionTruth[];
  timepoints: TimepointTruth[];
}

export interface LesionTruth {
  /** Stable across timepoints, e.g. "HM-0001-L3". */
  lesionId: string;
  organ: Organ;
  isLymphNode: boolean;
  behaviour: Behaviour;
  /** The other lesion of a close pair (bounding spheres 2-4 mm apart). */
  closeToLesionId: string | null;
  hasResistantCore: boolean;
  /** Centre of the lesion model in the baseline frame. */
  modelCentreMm: Vec3;
}

export interface SeriesTruth {
  seriesInstanceUid: string;
  /** Relative to the cohort's output directory. */
  directory: string;
  instanceCount: number;
  geometry: ImageGeometry;
}

export interface SegTruth {
  seriesInstanceUid: string;
  sopInstanceUid: string;
  file: string;
  segmentCount: number;
}

export interface TracerTruth {
  injectedDoseBq: number;
  /** Local date-times without zone, as in the DICOM headers (YYYY-MM-DDTHH:MM:SS). */
  injectionDateTime: string;
  seriesStartDateTime: string;
  halfLifeS: number;
  /** Multiply a decoded pixel (Bq/ml, decay-corrected to series start) by this for SUVbw. */
  suvPerBqml: number;
}

export interface TimepointTruth {
  index: number;
  date: string;
  studyInstanceUid: string;
  /** Shared by every series of the timepoint (but the MR maps when mrSession is set). */
  frameOfReferenceUid: string;
  weightKg: number;
  pose: { rotation: Mat3; translationMm: Vec3; anglesDeg: Vec3 };
  series: {
    /** Carries a contrast agent (IOHEXOL) when ctUnenhanced is written. */
    ct: SeriesTruth;
    /** Pre-contrast CT of the same session on its own grid; null unless asked for. */
    ctUnenhanced: SeriesTruth | null;
    fdgPet: SeriesTruth;
    /** Null when no lesion has a voxel at this timepoint. */
    seg: SegTruth | null;
    adc: SeriesTruth | null;
    ktrans: SeriesTruth | null;
    fmisoPet: SeriesTruth | null;
  };
  fdg: TracerTruth;
  fmiso: TracerTruth | null;
  /**
   * Only with `separateMrFrame`: the MR maps (adc, ktrans) were written in this study of
   * the same day, in its own Frame of Reference and pose (p_mr = rotation · q + t, as
   * `pose`). Absent otherwise, when they share the CT's.
   */
  mrSession?: MrSessionTruth;
  /** Mean FDG SUV over PET voxels of liver tissue outside lesions, as written. */
  liverSuvMean: number | null;
  lesions: LesionObservation[];
}

export interface MrSessionTruth {
  studyInstanceUid: string;
  frameOfReferenceUid: string;
  pose: { rotation: Mat3; translationMm: Vec3; anglesDeg: Vec3 };
}

export interface LesionObservation {
  lesionId: string;
  present: boolean;
  /** The lesion model's size factor relative to baseline (0 when absent). */
  sizeFactor: number;
  /** CT voxels whose centre lies in the lesion; exactly the SEG segment's voxels. */
  voxelCount: number;
  voxelVolumeMl: number;
  analyticVolumeMl: number;
  longAxisMm: number | null;
  shortAxisMm: number | null;
  /** CT slice k (0 = most inferior, instance number = slices − k) of the diameters. */
  measuredSliceIndex: number | null;
  /** Centroid of the analytic lesion. */
  centroidScannerMm: Vec3 | null;
  centroidBaselineMm: Vec3 | null;
  /** Mean position of the lesion's CT voxel centres. */
  maskCentroidScannerMm: Vec3 | null;
  /** Over FDG PET voxels whose centre lies in the lesion, decoded from the files. */
  suvMax: number | null;
  suvMean: number | null;
  suvMaxVoxel: Vec3 | null;
  /** The model's FDG SUV at the lesion centre, before sampling and noise. */
  suvPeakModel: number;
  adcModel: number;
  ktransModelPerMin: number;
  fmisoSuvModel: number;
  /**
   * With an unenhanced CT only (else null): HU the rim gains with contrast, from the
   * Ktrans course (server/phantom/enhancement.ts), null when absent; and the mean gain
   * over the lesion's CT voxels, resistant core included, null when it has none.
   */
  enhancementModelHu: number | null;
  enhancementMeanHu: number | null;
  segmentNumber: number | null;
  segmentLabel: string | null;
  core: CoreTruth | null;
}

export interface CoreTruth {
  centreScannerMm: Vec3;
  radiusMm: number;
  suvPeak: number;
  adc: number;
  ktransPerMin: number;
  fmisoSuv: number;
}
