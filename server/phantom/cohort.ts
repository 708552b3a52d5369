/**
 * Hallmark's phantom cohort: seeded, machine-independent DICOM studies with exact
 * ground truth, for tests, benchmarks and the demo. See ground-truth.ts for what the
 * truth file states and README-style notes in each module for how the images are made.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@/server/lib/errors';
import { logger } from '@/server/lib/log';
import type { Behaviour } from './behaviour';
import type { GroundTruth, PatientTruth } from './ground-truth';
import type { PhantomSize } from './grids';
import { CT_GRIDS, PHANTOM_SIZES } from './grids';
import type { Arm, PatientPlan } from './patient-plan';
import { ARM_LABELS, planPatient } from './patient-plan';
import { createRng, intBetween } from './random';
import { therapyCsv, therapyRows } from './therapy';
import { timepointContext } from './timepoint-context';
import { writeTimepoint } from './write-timepoint';
import { CONVENTIONS, SEPARATE_MR_CONVENTIONS } from './conventions';

export interface CohortOptions {
  outDir: string;
  patients: number;
  seed: number;
  size?: PhantomSize;
  /**
   * Also write an unenhanced CT per timepoint (the CT then carries a contrast agent), for
   * the CT enhancement signal. Off by default: it adds a CT series to every timepoint.
   */
  unenhancedCt?: boolean;
  /**
   * Write the MR maps (ADC, Ktrans) of each timepoint as a study of their own on the same
   * day, with their own Frame of Reference and a different known pose (mrSession in the
   * truth), so they must be registered to the CT. Off by default.
   */
  separateMrFrame?: boolean;
  /** Called after each series is written; `total` counts every series of the cohort. */
  onProgress?: (done: number, total: number) => void;
}

export interface CohortSummary {
  outDir: string;
  seed: number;
  size: PhantomSize;
  patients: number;
  timepoints: number;
  series: number;
  lesions: number;
  groundTruthFile: string;
  therapyFile: string;
  durationMs: number;
}

const log = logger('phantom');
export const MAX_PATIENTS = 9999;

/** Each kind the downstream tests rely on appears once per cohort of six or more. */
const REQUIRED: Behaviour[] = [
  'resistant-core',
  'new',
  'close-pair',
  'vanishing',
  'progressing',
  'responding',
];

function validate(options: CohortOptions): PhantomSize {
  const size = options.size ?? 'small';
  if (!PHANTOM_SIZES.includes(size)) {
    throw new AppError('BAD_INPUT', `Unknown phantom size "${size}".`, {
      userMessage: `Size must be one of ${PHANTOM_SIZES.join(', ')}.`,
    });
  }
  if (
    !Number.isInteger(options.patients) ||
    options.patients < 1 ||
    options.patients > MAX_PATIENTS
  ) {
    throw new AppError('BAD_INPUT', `Bad patient count ${options.patients}.`, {
      userMessage: `Give a whole number of patients from 1 to ${MAX_PATIENTS}.`,
    });
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new AppError('BAD_INPUT', `Bad seed ${options.seed}.`, {
      userMessage: 'Give the seed as a whole number.',
    });
  }

  return size;
}

export function planCohort(seed: number, patients: number, size: PhantomSize): PatientPlan[] {
  const armOffset = intBetween(createRng(seed, 'arms'), 0, 1);

  return Array.from({ length: patients }, (_, i) => {
    const arm: Arm = (i + armOffset) % 2 === 0 ? 'A' : 'B';
    const required = REQUIRED.filter((_, r) => r % patients === i);

    return planPatient(seed, i, arm, required, CT_GRIDS[size].length);
  });
}

interface WriteOptions {
  seed: number;
  size: PhantomSize;
  outDir: string;
  unenhancedCt: boolean;
  separateMrFrame: boolean;
}

async function writePatient(
  o: WriteOptions,
  patient: PatientPlan,
  done: () => void,
): Promise<PatientTruth> {
  const timepoints = [];
  for (const tp of patient.timepoints) {
    const ctx = timepointContext(
      o.seed, o.size, o.outDir, patient, tp, o.unenhancedCt, o.separateMrFrame,
    );
    timepoints.push(await writeTimepoint(ctx, done));
  }

  return {
    patientId: patient.patientId,
    sex: patient.sex,
    birthYear: patient.birthYear,
    heightM: patient.heightM,
    weightKg: patient.weightKg,
    arm: patient.arm,
    multimodal: patient.multimodal,
    lesions: patient.lesions.map((l) => ({
      lesionId: l.id,
      organ: l.organ,
      isLymphNode: l.organ === 'lymph-node',
      behaviour: l.behaviour,
      closeToLesionId: l.closeToId,
      hasResistantCore: l.core !== null,
      modelCentreMm: l.shape.centreMm,
    })),
    timepoints,
  };
}

export async function generateCohort(options: CohortOptions): Promise<CohortSummary> {
  const size = validate(options);
  const started = performance.now();
  const plans = planCohort(options.seed, options.patients, size);
  const unenhancedCt = options.unenhancedCt ?? false;
  const perTimepoint = (p: PatientPlan) => (p.multimodal ? 6 : 3) + (unenhancedCt ? 1 : 0);
  const total = plans.reduce((sum, p) => sum + p.timepoints.length * perTimepoint(p), 0);
  let done = 0;
  const tick = () => options.onProgress?.(++done, total);
  await mkdir(options.outDir, { recursive: true });

  const patients: PatientTruth[] = [];
  const separateMrFrame = options.separateMrFrame ?? false;
  const write: WriteOptions = {
    seed: options.seed, size, outDir: options.outDir, unenhancedCt, separateMrFrame,
  };
  for (const plan of plans) patients.push(await writePatient(write, plan, tick));

  const truth: GroundTruth = {
    schemaVersion: 1,
    seed: options.seed,
    size,
    conventions: separateMrFrame ? SEPARATE_MR_CONVENTIONS : CONVENTIONS,
    arms: ARM_LABELS,
    patients,
  };
  const groundTruthFile = path.join(options.outDir, 'ground-truth.json');
  const therapyFile = path.join(options.outDir, 'therapy.csv');
  await writeFile(groundTruthFile, `${JSON.stringify(truth, null, 1)}\n`);
  await writeFile(therapyFile, therapyCsv(plans.flatMap((p) => therapyRows(options.seed, p))));
  const durationMs = Math.round(performance.now() - started);
  log.info('phantom cohort written', { durationMs, count: plans.length });

  return {
    outDir: options.outDir,
    seed: options.seed,
    size,
    patients: plans.length,
    timepoints: plans.reduce((s, p) => s + p.timepoints.length, 0),
    series: total,
    lesions: plans.reduce((s, p) => s + p.lesions.length, 0),
    groundTruthFile,
    therapyFile,
    durationMs,
  };
}
