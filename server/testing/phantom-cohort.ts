import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Db } from '@/db/client';
import { runIngest } from '@/server/ingest/pipeline';
import { expandSources } from '@/server/ingest/sources';
import { trackPatient } from '@/server/lesions/track-patient';
import { generateCohort } from '@/server/phantom/cohort';
import type { GroundTruth, PatientTruth } from '@/server/phantom/ground-truth';

import { openTestDatabase, type TestDatabase } from './databases';

/** A small phantom cohort written to a temporary folder, with its ground truth. */
export interface TestCohort {
  dir: string;
  truth: GroundTruth;
  dispose(): Promise<void>;
}

export async function generateTestCohort(options: {
  patients: number;
  seed: number;
}): Promise<TestCohort> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-cohort-'));
  await generateCohort({ outDir: dir, ...options, size: 'small' });
  const text = await fs.readFile(path.join(dir, 'ground-truth.json'), 'utf8');

  return {
    dir,
    truth: JSON.parse(text) as GroundTruth,
    dispose: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/** Ingests a cohort's DICOM through the real pipeline, as the CLI would. */
export async function ingestCohort(cohort: TestCohort, db: Db, dataDir: string) {
  const sources = await expandSources([path.join(cohort.dir, 'dicom')]);

  return runIngest(sources.files, sources.rejected, { db, dataDir, source: 'cli' });
}

/**
 * Deletes the SEG of the first follow-up that has one, as if that scan had not been
 * segmented; returns the timepoint index it belonged to.
 */
export async function dropFirstFollowUpSeg(cohort: TestCohort, patientIndex = 0) {
  const patient = cohort.truth.patients[patientIndex];
  const victim = patient?.timepoints.find((t) => t.index > 0 && t.series.seg);
  if (!victim?.series.seg) throw new Error('The cohort has no segmented follow-up.');
  await fs.rm(path.dirname(path.join(cohort.dir, victim.series.seg.file)), { recursive: true });

  return victim.index;
}

/**
 * Registration settings for tests. The small phantom CT has 4 mm pixels; registering at
 * 8 mm with fewer iterations keeps each pair to a few seconds without leaving the 2 mm
 * residual budget. Product defaults are finer (see bench/tracking.ts).
 */
export const FAST_TRACKING = {
  registration: { targetSpacingMm: 8, iterationsPerResolution: 150 },
} as const;

/** One phantom patient, ingested into an embedded database and tracked. */
export interface TrackedPatient {
  cohort: TestCohort;
  db: TestDatabase;
  patient: PatientTruth;
  /** The follow-up whose SEG was deleted before ingest, so its lesions are propagated. */
  droppedIndex: number;
  dispose(): Promise<void>;
}

/**
 * The set-up of every test about propagation: a one-patient cohort whose first segmented
 * follow-up lost its SEG, ingested and tracked with the test registration settings.
 */
export async function trackedPatientMissingOneSeg(seed: number): Promise<TrackedPatient> {
  const cohort = await generateTestCohort({ patients: 1, seed });
  const droppedIndex = await dropFirstFollowUpSeg(cohort);
  const patient = cohort.truth.patients[0]!;
  const db = await openTestDatabase('pglite');
  await ingestCohort(cohort, db.handle.db, db.dataDir);
  await trackPatient(db.handle.db, db.dataDir, patient.patientId, FAST_TRACKING);

  return {
    cohort, db, patient, droppedIndex,
    dispose: async () => {
      await db.dispose();
      await cohort.dispose();
    },
  };
}
