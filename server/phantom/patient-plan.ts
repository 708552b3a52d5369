/**
 * One patient's plan: demographics, arm, anatomy, lesions, and per timepoint the date,
 * pose, weight and tracer timings. Nothing here depends on the cohort size, so the same
 * seed describes the same patients whether rendered small, demo or full.
 */
import { DAY_MS } from '@/lib/dates';
import type { Vec3 } from '@/server/imaging/image';
import type { Anatomy } from './anatomy';
import { sampleAnatomy } from './anatomy';
import type { Behaviour } from './behaviour';
import type { LesionModel } from './lesions';
import { planLesions } from './lesion-plan';
import type { Pose } from './pose';
import { IDENTITY_POSE, makePose } from './pose';
import type { Rng } from './random';
import { createRng, intBetween, pick, uniform } from './random';

export type Arm = 'A' | 'B';

export const ARM_LABELS: Record<Arm, string> = { A: 'A: standard', B: 'B: experimental' };

export interface TracerTiming {
  injectedDoseBq: number;
  /** Seconds after midnight of the timepoint's date. */
  injectionSec: number;
  seriesStartSec: number;
}

export interface TimepointPlan {
  index: number;
  /** YYYY-MM-DD. */
  date: string;
  studySec: number;
  pose: Pose;
  /** Scanner z the technologist centred the scan range on. */
  scanCentreZMm: number;
  /** Index into the size's CT grid choices. */
  ctGridChoice: number;
  weightKg: number;
  fdg: TracerTiming;
  fmiso: TracerTiming;
}

export interface PatientPlan {
  index: number;
  patientId: string;
  sex: 'M' | 'F';
  birthYear: number;
  heightM: number;
  weightKg: number;
  arm: Arm;
  /** Gets MR ADC, DCE Ktrans and FMISO PET series besides CT, FDG PET and SEG. */
  multimodal: boolean;
  anatomy: Anatomy;
  liverHu: number;
  liverSuv: number;
  lesions: LesionModel[];
  timepoints: TimepointPlan[];
}

/** Rounded to a step, then cleaned of binary fractions so DS text stays short. */
const round = (v: number, step: number) => Number((Math.round(v / step) * step).toFixed(6));
/** The model's z half-way through the lesions' band; scans centre on it. */
const MODEL_SCAN_CENTRE_Z_MM = 2.5;

/** Follow-up poses: every angle 1-4°, every shift 5-20 mm, each with a random sign. */
function followUpPose(rng: Rng): Pose {
  const signed = (low: number, high: number) => pick(rng, [-1, 1]) * uniform(rng, low, high);
  const angles = [signed(1, 4), signed(1, 4), signed(1, 4)].map((a) => round(a, 0.01)) as Vec3;
  const shift = [signed(5, 20), signed(5, 20), signed(5, 20)].map((t) => round(t, 0.01)) as Vec3;

  return makePose(angles, shift);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function tracerTimings(rng: Rng, studySec: number, weightKg: number) {
  const fdgStart = studySec + 180;
  const fdg: TracerTiming = {
    injectedDoseBq: round(weightKg * uniform(rng, 3, 4) * 1e6, 1e5),
    injectionSec: fdgStart - intBetween(rng, 55 * 60, 75 * 60),
    seriesStartSec: fdgStart,
  };
  const fmisoInjection = studySec + 1200;
  const fmiso: TracerTiming = {
    injectedDoseBq: round(uniform(rng, 300, 400) * 1e6, 1e5),
    injectionSec: fmisoInjection,
    seriesStartSec: fmisoInjection + intBetween(rng, 140 * 60, 160 * 60),
  };

  return { fdg, fmiso };
}

function planTimepoints(rng: Rng, count: number, weightKg: number, gridChoices: number) {
  let dayMs = Date.UTC(2019, 0, 7) + intBetween(rng, 0, 900) * DAY_MS;
  let weight = weightKg;

  return Array.from({ length: count }, (_, index): TimepointPlan => {
    if (index > 0) dayMs += intBetween(rng, 49, 63) * DAY_MS;
    if (index > 0) weight = round(weight + uniform(rng, -2.5, 1), 0.1);
    const pose = index === 0 ? IDENTITY_POSE : followUpPose(rng);
    const studySec = 8 * 3600 + intBetween(rng, 0, 420) * 60;
    const jitter = uniform(rng, -5, 5);
    const scanCentreZMm = round(pose.translationMm[2] + MODEL_SCAN_CENTRE_Z_MM + jitter, 0.1);
    // Baseline always uses the size's first grid; follow-ups vary.
    const ctGridChoice = index === 0 ? 0 : intBetween(rng, 0, gridChoices - 1);

    return {
      index,
      date: isoDate(dayMs),
      studySec,
      pose,
      scanCentreZMm,
      ctGridChoice,
      weightKg: weight,
      ...tracerTimings(rng, studySec, weight),
    };
  });
}

export function planPatient(
  seed: number,
  index: number,
  arm: Arm,
  required: Behaviour[],
  gridChoices: number,
): PatientPlan {
  const patientId = `HM-${String(index + 1).padStart(4, '0')}`;
  const rng = createRng(seed, `patient|${patientId}`);
  const sex = pick(rng, ['M', 'F'] as const);
  const heightM = round(sex === 'M' ? uniform(rng, 1.65, 1.95) : uniform(rng, 1.52, 1.8), 0.01);
  const weightKg = round(uniform(rng, 18.5, 31) * heightM * heightM, 0.1);
  const bmi = weightKg / (heightM * heightM);
  const habitus = Math.min(1.04, Math.max(0.9, 0.92 + (bmi - 24) * 0.012));
  const anatomy = sampleAnatomy(rng, habitus);
  const liverHu = round(uniform(rng, 55, 65), 1);
  const timepoints = planTimepoints(rng, intBetween(rng, 4, 6), weightKg, gridChoices);
  const lesionRng = createRng(seed, `lesions|${patientId}`);
  const lesions = planLesions(lesionRng, {
    patientId,
    anatomy,
    arm,
    required,
    liverHu,
    timepoints: timepoints.length,
  });

  return {
    index,
    patientId,
    sex,
    birthYear: intBetween(rng, 1938, 1972),
    heightM,
    weightKg,
    arm,
    multimodal: index % 2 === 1,
    anatomy,
    liverHu,
    liverSuv: round(uniform(rng, 2, 2.5), 0.01),
    lesions,
    timepoints,
  };
}
