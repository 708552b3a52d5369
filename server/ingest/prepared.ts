import type { AssemblyReport, SuvInfo } from '@/db/schema';
import type { ImageGeometry, PixelType } from '@/server/imaging/image';

/** The patient, study and series facts of a series, read from its first instance. */
export interface SeriesHeader {
  patientId: string;
  sex: string | null;
  birthYear: number | null;
  weightKg: number | null;
  heightM: number | null;
  studyInstanceUid: string;
  /** ISO date, yyyy-mm-dd. */
  studyDate: string;
  studyDescription: string | null;
  seriesInstanceUid: string;
  modality: string;
  seriesType: string;
  seriesTypeReason: string;
  tracer: string | null;
  /** CT only: 'enhanced', 'unenhanced', or null when the headers do not tell. */
  contrastPhase: 'enhanced' | 'unenhanced' | null;
  frameOfReferenceUid: string | null;
  seriesNumber: number | null;
  description: string | null;
  referencedSeriesUid: string | null;
}

export interface PreparedInstance {
  sopInstanceUid: string;
  sopClassUid: string;
  digest: string;
  sizeBytes: number;
  /** Absolute path of the staged copy (moved into the store at commit), or of the stored file. */
  stagedPath: string;
  /** What the user offered (file path or zip!entry), for the per-file outcome. */
  sourcePath: string;
  /** Where it is kept under the data folder; DICOM files default to dicom/ab/<digest>.dcm. */
  storedPath?: string;
}

export interface PreparedVolume {
  /** Pixels already written under volumes/<id>.raw; the row is inserted at commit. */
  id: string;
  geometry: ImageGeometry;
  pixelType: PixelType;
  minValue: number;
  maxValue: number;
  report: AssemblyReport;
}

export interface PreparedSegment {
  /** Mask already written under masks/<id>.u8 (cropped to bbox). */
  id: string;
  segmentNumber: number;
  label: string;
  description: string | null;
  voxelCount: number;
  bbox: number[];
}

/** Everything a series needs to become visible in one transaction. */
export interface PreparedSeries {
  header: SeriesHeader;
  instances: PreparedInstance[];
  volume?: PreparedVolume;
  suv?: SuvInfo;
  segments?: { imageSeriesUid: string; list: PreparedSegment[] };
}
