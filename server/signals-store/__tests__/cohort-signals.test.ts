/**
 * computePatientSignals on an ingested phantom cohort, against the generator's ground
 * truth: SUVmax and volume per SEG segment, the liver reference, re-computing and the CSV.
 */

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { petReferences, segmentMasks, signalValues, timepoints } from '@/db/schema';
import type { GroundTruth, PatientTruth } from '@/server/phantom/ground-truth';
import type { TestDatabase } from '@/server/testing/databases';
import { databaseKinds, openTestDatabase } from '@/server/testing/databases';
import { generateTestCohort, ingestCohort, type TestCohort } from '@/server/testing/phantom-cohort';

import {
  computePatientSignals,
  placeLiverByHand,
  readPatientSignals,
  saveSignalSettings,
  signalsCsv,
  SIGNALS_CSV_HEADER,
} from '..';

let cohort: TestCohort;
let truth: GroundTruth;

beforeAll(async () => {
  cohort = await generateTestCohort({ patients: 2, seed: 7 });
  truth = cohort.truth;
}, 120_000);
afterAll(() => cohort?.dispose());

function storedRows(db: TestDatabase, signalId: string) {
  return db.handle.db
    .select({ date: timepoints.date, label: segmentMasks.label, value: signalValues.value })
    .from(signalValues)
    .innerJoin(segmentMasks, eq(segmentMasks.id, signalValues.segmentMaskId))
    .innerJoin(timepoints, eq(timepoints.id, signalValues.timepointId))
    .where(eq(signalValues.signalId, signalId));
}

function presentLesions(patient: PatientTruth) {
  return patient.timepoints.flatMap((tp) =>
    tp.lesions
      .filter((l) => l.present && l.segmentLabel !== null)
      .map((l) => ({ date: tp.date, label: l.segmentLabel!, lesion: l })),
  );
}

// Per mask: volume, sphericity, surface irregularity, 3 CT textures, 7 FDG uptake signals
// (SUVmax/mean/peak, SULpeak, MTV41, MTV2.5, TLG) and 3 FDG textures = 16; a multimodal
// timepoint adds FMISO TBRmax and hypoxic fraction, ADC mean and low-ADC fraction, and
// Ktrans mean, p90 and enhancing fraction = 23.
const ROWS_PER_MASK = { plain: 16, multimodal: 23 };

describe.each(await databaseKinds())('signals of a phantom cohort on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await ingestCohort(cohort, db.handle.db, db.dataDir);
    for (const p of truth.patients) {
      await computePatientSignals(db.handle.db, db.dataDir, p.patientId);
    }
  }, 300_000);
  afterAll(() => db?.dispose());

  it('stores FDG SUVmax per segment equal to the ground truth', async () => {
    const rows = await storedRows(db, 'fdg-suvmax');
    const expected = truth.patients.flatMap(presentLesions);

    expect(expected.length).toBeGreaterThan(4);
    for (const { date, label, lesion } of expected) {
      const got = rows.filter((r) => r.date === date && r.label === label);
      expect(got).toHaveLength(1);
      const value = got[0]!.value;
      // A lesion of a few CT voxels can miss every PET voxel centre after the engine's
      // nearest-neighbour transfer (server/signals README): stored as skipped, not guessed.
      if (value === null) expect(lesion.voxelCount).toBeLessThan(5);
      // Under ~10 CT voxels the transferred mask and the truth's "PET voxel centre inside
      // the lesion" can pick different PET voxels (seed 7: a 6-voxel lesion, 4% apart).
      else if (lesion.voxelCount < 10) expect(value).toBeGreaterThan(0);
      else expect(Math.abs(value / lesion.suvMax! - 1)).toBeLessThan(1e-3);
    }
  });

  it('stores each segment volume equal to its voxel volume', async () => {
    const rows = await storedRows(db, 'volume');

    for (const { date, label, lesion } of truth.patients.flatMap(presentLesions)) {
      const got = rows.find((r) => r.date === date && r.label === label);
      expect(got?.value).toBeCloseTo(lesion.voxelVolumeMl, 6);
    }
  });

  it('places a liver reference per timepoint within 5% of the liver SUV', async () => {
    const refs = await db.handle.db
      .select({ date: timepoints.date, ref: petReferences })
      .from(petReferences)
      .innerJoin(timepoints, eq(timepoints.id, petReferences.timepointId))
      .where(eq(petReferences.kind, 'liver'));

    for (const tp of truth.patients.flatMap((p) => p.timepoints)) {
      const got = refs.filter((r) => r.date === tp.date && r.ref.placement === 'auto');
      expect(got).toHaveLength(1);
      expect(Math.abs(got[0]!.ref.suvMean! / tp.liverSuvMean! - 1)).toBeLessThan(0.05);
    }
  });

  it('exports one CSV row per lesion, timepoint and signal', async () => {
    for (const patient of truth.patients) {
      const csv = await signalsCsv(db.handle.db, patient.patientId);
      const lines = csv.trimEnd().split('\r\n');
      const expectedRows = patient.timepoints.reduce((sum, tp) => {
        const masks = tp.lesions.filter((l) => l.present && l.segmentLabel !== null).length;

        return sum + masks * (tp.series.adc ? ROWS_PER_MASK.multimodal : ROWS_PER_MASK.plain);
      }, 0);

      expect(lines[0]).toBe(SIGNALS_CSV_HEADER.join(','));
      expect(lines.length - 1).toBe(expectedRows);
      expect(lines[1]?.startsWith(`${patient.patientId},`)).toBe(true);
    }
  });

  it('keeps a hand-placed liver sphere and replaces automatic values on re-computing', async () => {
    const patient = truth.patients[0]!;
    const doc = await readPatientSignals(db.handle.db, patient.patientId);
    const auto = doc.references.find((r) => r.kind === 'liver' && r.centreMm)!;
    const moved: [number, number, number] = [
      auto.centreMm![0] + 4,
      auto.centreMm![1],
      auto.centreMm![2],
    ];
    await placeLiverByHand(db.handle.db, db.dataDir, auto.timepointId, moved, 'reader');
    await computePatientSignals(db.handle.db, db.dataDir, patient.patientId);
    const after = await readPatientSignals(db.handle.db, patient.patientId);
    const liver = after.references.filter(
      (r) => r.kind === 'liver' && r.timepointId === auto.timepointId,
    );

    expect(liver.map((r) => [r.placement, r.centreMm])).toEqual([['user', moved]]);
    expect(after.values).toHaveLength(doc.values.length);
  }, 120_000);

  it('marks values stale when the settings change, and fresh once re-computed', async () => {
    const { patientId } = truth.patients[1]!;
    expect((await readPatientSignals(db.handle.db, patientId)).run?.stale).toBe(false);

    await saveSignalSettings(
      db.handle.db,
      { liverSphereRadiusMm: 12, liverLesionMarginMm: 10 },
      'test',
    );
    const stale = await readPatientSignals(db.handle.db, patientId);
    await computePatientSignals(db.handle.db, db.dataDir, patientId);
    const fresh = await readPatientSignals(db.handle.db, patientId);
    const radii = await db.handle.db
      .select({ r: petReferences.radiusMm })
      .from(petReferences)
      .innerJoin(timepoints, eq(timepoints.id, petReferences.timepointId))
      .where(
        and(
          eq(petReferences.kind, 'liver'),
          eq(petReferences.placement, 'auto'),
          eq(petReferences.patientId, timepointsPatient(fresh)),
        ),
      );

    expect(stale.run?.staleReason).toBe('the signal settings changed since');
    expect(fresh.run?.stale).toBe(false);
    expect(radii.map((r) => r.r)).toEqual(fresh.timepoints.map(() => 12));
  }, 120_000);
});

function timepointsPatient(doc: Awaited<ReturnType<typeof readPatientSignals>>): string {
  return doc.references[0]!.patientId;
}
