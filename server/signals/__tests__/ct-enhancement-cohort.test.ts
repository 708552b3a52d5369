/**
 * CT enhancement end to end: a phantom cohort with an unenhanced CT per timepoint is
 * ingested, its signals computed from the SEG lesions, and the stored enhancement
 * compared with the generator's truth. One timepoint loses its unenhanced CT before
 * ingest and must get no enhancement at all.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { segmentMasks, series, signalValues, timepoints } from '@/db/schema';
import { loadPatientInputs } from '@/server/lesions/load-patient';
import { generateCohort } from '@/server/phantom/cohort';
import type { GroundTruth, LesionObservation, TimepointTruth } from '@/server/phantom/ground-truth';
import { ENHANCEMENT_HU_PER_KTRANS } from '@/server/phantom/enhancement';
import { computePatientSignals } from '@/server/signals-store';
import { pgliteDatabase, type TestDatabase } from '@/server/testing/databases';
import { ingestCohort, type TestCohort } from '@/server/testing/phantom-cohort';

let cohort: TestCohort;
let db: TestDatabase;
/** The timepoint whose unenhanced CT was removed before ingest. */
let onePhase: TimepointTruth;

beforeAll(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-enhancement-'));
  await generateCohort({ outDir: dir, patients: 2, seed: 7, size: 'small', unenhancedCt: true });
  const truth: GroundTruth = JSON.parse(
    await fs.readFile(path.join(dir, 'ground-truth.json'), 'utf8'),
  );
  cohort = { dir, truth, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
  onePhase = truth.patients[0]!.timepoints.find((t) => t.index > 0 && t.series.seg)!;
  await fs.rm(path.join(dir, onePhase.series.ctUnenhanced!.directory), { recursive: true });

  db = await pgliteDatabase();
  await ingestCohort(cohort, db.handle.db, db.dataDir);
  for (const p of truth.patients) {
    await computePatientSignals(db.handle.db, db.dataDir, p.patientId);
  }
}, 300_000);

afterAll(async () => {
  await db?.dispose();
  await cohort?.dispose();
});

const allTimepoints = () => cohort.truth.patients.flatMap((p) => p.timepoints);

function storedEnhancement() {
  return db.handle.db
    .select({
      date: timepoints.date,
      segmentNumber: segmentMasks.segmentNumber,
      value: signalValues.value,
      voxelCount: signalValues.voxelCount,
      settings: signalValues.settings,
      skippedReason: signalValues.skippedReason,
    })
    .from(signalValues)
    .innerJoin(segmentMasks, eq(segmentMasks.id, signalValues.segmentMaskId))
    .innerJoin(timepoints, eq(timepoints.id, signalValues.timepointId))
    .where(eq(signalValues.signalId, 'ct-enhancement'));
}

type Stored = Awaited<ReturnType<typeof storedEnhancement>>[number];

function lesionOf(row: Stored): { tp: TimepointTruth; lesion: LesionObservation } {
  const tp = allTimepoints().find((t) => t.date === row.date)!;
  const lesion = tp.lesions.find((l) => l.segmentNumber === row.segmentNumber)!;

  return { tp, lesion };
}

/** Four standard errors of a difference of two means of 10 HU noise, plus 1 HU rounding. */
function toleranceHu(row: Stored): number {
  const unenhanced = Number(
    (row.settings as { unenhancedVoxelCount: number }).unenhancedVoxelCount,
  );

  return 4 * 10 * Math.sqrt(1 / row.voxelCount! + 1 / unenhanced) + 1;
}

describe('CT enhancement on an ingested phantom cohort with both contrast phases', () => {
  it('stores each CT with the contrast phase its headers give', async () => {
    const rows = await db.handle.db.select().from(series).where(eq(series.modality, 'CT'));
    const phaseOf = new Map(rows.map((r) => [r.seriesInstanceUid, r.contrastPhase]));

    for (const tp of allTimepoints()) {
      expect(phaseOf.get(tp.series.ct.seriesInstanceUid)).toBe('enhanced');
      if (tp !== onePhase) {
        expect(phaseOf.get(tp.series.ctUnenhanced!.seriesInstanceUid)).toBe('unenhanced');
      }
    }
    expect(rows.every((r) => r.contrastPhaseSource === 'auto')).toBe(true);
  });

  it('leaves tracking on the enhanced CT the lesions are drawn on', async () => {
    const seriesIdOf = new Map(
      (await db.handle.db.select().from(series)).map((r) => [r.id, r.seriesInstanceUid]),
    );
    for (const patient of cohort.truth.patients) {
      const inputs = await loadPatientInputs(db.handle.db, patient.patientId);
      inputs.timepoints.forEach((tp, n) => {
        const truth = patient.timepoints[n]!;
        expect(seriesIdOf.get(tp.ct!.seriesId)).toBe(truth.series.ct.seriesInstanceUid);
      });
    }
  });

  it('matches the truth enhancement within noise for lesions with a uniform rim', async () => {
    const measured = (await storedEnhancement()).filter((r) => r.value !== null);
    const uniform = measured.filter((r) => !lesionOf(r).lesion.core);

    expect(uniform.length).toBeGreaterThan(10);
    for (const row of uniform) {
      const { lesion } = lesionOf(row);
      expect(Math.abs(row.value! - lesion.enhancementModelHu!)).toBeLessThan(toleranceHu(row));
    }
  });

  it('puts a lesion with a poorly perfused core between core and rim enhancement', async () => {
    const cores = (await storedEnhancement()).filter(
      (r) => r.value !== null && lesionOf(r).lesion.core,
    );

    expect(cores.length).toBeGreaterThan(0);
    for (const row of cores) {
      const { lesion } = lesionOf(row);
      const core = ENHANCEMENT_HU_PER_KTRANS * lesion.core!.ktransPerMin;
      expect(row.value!).toBeGreaterThan(core - toleranceHu(row));
      expect(row.value!).toBeLessThan(lesion.enhancementModelHu! + toleranceHu(row));
    }
  });

  it('gives a reason, not a guess, for lesions too small inside their edge', async () => {
    const skipped = (await storedEnhancement()).filter((r) => r.value === null);

    expect(skipped.length).toBeGreaterThan(0);
    for (const row of skipped) {
      expect(row.skippedReason).toMatch(/voxel\(s\) inside its edge on the (un)?enhanced CT/);
      expect(lesionOf(row).lesion.voxelCount).toBeLessThan(200);
    }
  });

  it('stores no enhancement where the timepoint has only the enhanced CT', async () => {
    const rows = await storedEnhancement();
    const dates = new Set(rows.map((r) => r.date));

    expect(rows.some((r) => r.date === onePhase.date)).toBe(false);
    expect(dates.size).toBe(allTimepoints().filter((t) => t.series.seg).length - 1);
  });
});
