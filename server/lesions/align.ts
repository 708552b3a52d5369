/**
 * Aligning every follow-up CT of a patient to its baseline CT. A registration that
 * fails, or a timepoint without a CT, falls back to the scanners' frames of reference
 * as they are (an identity map), and says so in its status, method and reason: the
 * lesion table flags every observation of that timepoint, so the fallback is never
 * mistaken for a registration.
 */
import { availableParallelism } from 'node:os';

import type { ImageVolume } from '@/server/imaging/image';
import { mapConcurrent } from '@/server/lib/map-concurrent';
import { logger } from '@/server/lib/log';
import {
  registerVolumes, type Mat3x4, type RegistrationOptions, type RegistrationQuality,
} from '@/server/tracking';
import { IDENTITY_MATRIX } from '@/server/tracking/affine';

import type { RegistrationMethod } from '@/db/schema';
import type { PatientInputs, TimepointInputs } from './load-patient';
import { readCt } from './read-images';

const log = logger('registration');

export interface Alignment {
  timepointId: string;
  status: 'baseline' | 'ok' | 'failed';
  method: RegistrationMethod | 'baseline';
  reason: string | null;
  /** Baseline LPS point ↦ this timepoint's LPS point. */
  matrix: Mat3x4;
  quality: RegistrationQuality | null;
}

export type AlignProgress = (done: number, total: number) => void;

export async function alignTimepoints(
  dataDir: string,
  inputs: PatientInputs,
  options: RegistrationOptions,
  onProgress: AlignProgress = () => undefined,
): Promise<Alignment[]> {
  const baseline = inputs.timepoints[inputs.baselineIndex];
  const fixed = baseline?.ct ? await readCt(dataDir, baseline.ct) : null;
  const total = inputs.timepoints.length - 1;
  let done = 0;
  onProgress(done, total);
  // Each registration occupies one core in its own worker thread: as many at once as the
  // machine has cores (in-process runs would block each other, so they go one by one).
  const lanes = options.inProcess ? 1 : availableParallelism();
  const out = await mapConcurrent(inputs.timepoints, lanes, async (timepoint) => {
    if (timepoint === baseline) return baselineAlignment(timepoint);
    const alignment = await alignOne(dataDir, fixed, baseline, timepoint, options);
    onProgress(++done, total);

    return alignment;
  });
  onProgress(total, total);

  return out;
}

function baselineAlignment(timepoint: TimepointInputs): Alignment {
  return {
    timepointId: timepoint.id, status: 'baseline', method: 'baseline', reason: null,
    matrix: [...IDENTITY_MATRIX], quality: null,
  };
}

async function alignOne(
  dataDir: string,
  fixed: ImageVolume | null,
  baseline: TimepointInputs | undefined,
  timepoint: TimepointInputs,
  options: RegistrationOptions,
): Promise<Alignment> {
  if (!fixed || !timepoint.ct) {
    const which = fixed ? 'this timepoint' : 'the baseline';

    return fallback(timepoint, baseline, `No CT volume at ${which} to register.`, null);
  }
  const moving = await readCt(dataDir, timepoint.ct);
  const result = await registerVolumes(fixed, moving, options);
  if (result.status === 'ok' && result.transform) {
    return {
      timepointId: timepoint.id, status: 'ok', method: 'elastix', reason: null,
      matrix: result.transform.matrix, quality: result.quality,
    };
  }
  log.warn('registration failed, falling back to frame of reference', {
    reason: result.reason,
  });

  return fallback(timepoint, baseline, result.reason ?? 'Registration failed.', result.quality);
}

function fallback(
  timepoint: TimepointInputs,
  baseline: TimepointInputs | undefined,
  why: string,
  quality: RegistrationQuality | null,
): Alignment {
  const shared = timepoint.frameOfReferenceUid !== null &&
    timepoint.frameOfReferenceUid === baseline?.frameOfReferenceUid;
  const frames = shared
    ? 'Positions are compared in the frame of reference both scans share.'
    : 'Positions are compared in each scanner\'s own frame, as if the patient lay ' +
      'identically: review every link of this timepoint.';

  return {
    timepointId: timepoint.id, status: 'failed', method: 'fallback-frame-of-reference',
    reason: `${why} ${frames}`, matrix: [...IDENTITY_MATRIX], quality,
  };
}
