/** What the signal functions take and give back. */
import type { ImageVolume } from '@/server/imaging/image';
import { signalDefinition } from './catalogue';

/**
 * Bump when a definition, threshold or preset changes, so stored values made by an older
 * engine can be told apart and recomputed.
 */
export const SIGNALS_ENGINE_VERSION = 'signals-1.1.0';

export interface Provenance {
  engineVersion: string;
  /** How the value was made, in words (grid, thresholds). */
  method: string;
  /** Feature-engine settings or thresholds, when any were used. */
  settings?: Record<string, unknown>;
}

export interface SignalValue {
  signalId: string;
  value: number;
  unit: string;
  /** Series Instance UID (or the caller's series id) of the image measured. */
  sourceSeries: string;
  /** Voxels of the lesion mask on the measured image's grid. */
  voxelCount: number;
  provenance: Provenance;
}

export interface SkippedSignal {
  signalId: string;
  reason: string;
}

export interface SeriesImage {
  seriesUid: string;
  image: ImageVolume;
}

/** A PET series whose pixels are activity concentration (Bq/ml). */
export interface PetSeries extends SeriesImage {
  suvBwFactor: number;
  /** Null when lean body mass could not be had (no height or sex). */
  sulFactor: number | null;
}

export interface Measured {
  value: number;
  voxelCount: number;
  method: string;
  settings?: Record<string, unknown>;
}

export function signalValue(signalId: string, sourceSeries: string, m: Measured): SignalValue {
  const provenance: Provenance = {
    engineVersion: SIGNALS_ENGINE_VERSION,
    method: m.method,
    ...(m.settings ? { settings: m.settings } : {}),
  };

  return {
    signalId,
    value: m.value,
    unit: signalDefinition(signalId).unit,
    sourceSeries,
    voxelCount: m.voxelCount,
    provenance,
  };
}
