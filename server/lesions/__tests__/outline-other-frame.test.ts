/**
 * A threshold outline on a PET acquired in a frame of its own. Simulated on a phantom
 * patient: the follow-up PET (whose SEG the fixture dropped) gets a Frame of Reference
 * UID of its own and its grid is moved by SHIFT_MM, as a separate scanner session would
 * place it. Tracking registers that PET to its CT, and the outline is measured through
 * the registration: it lands on its lesion's track at the lesion's true place, unflagged.
 *
 * "True place" means within one PET voxel (6 mm on the small phantom): mutual information
 * between this coarse PET and the CT pins the shift in-plane to under a millimetre but
 * along the body's long axis, where the phantom torso changes little, to about 5 mm.
 * Without the registration the outline would sit the whole shift (31 mm) away.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { segmentMasks, series, seriesRegistrations, volumes } from '@/db/schema';
import { pointToIndex, type Vec3 } from '@/server/imaging/image';
import type { LesionObservation, PatientTruth } from '@/server/phantom/ground-truth';
import { openTestDatabase, type TestDatabase } from '@/server/testing/databases';
import {
  dropFirstFollowUpSeg, FAST_TRACKING, generateTestCohort, ingestCohort, type TestCohort,
} from '@/server/testing/phantom-cohort';
import { applyMatrix } from '@/server/tracking/affine';

import { loadLesionTable, trackPatient } from '..';
import { outlineLesionHere } from '../threshold-outline';
import { truthOfMasks } from './truth-scoring';

const SHIFT_MM: Vec3 = [24, -16, 12];
const PET_VOXEL_MM = 6;

let cohort: TestCohort;
let db: TestDatabase;
let patient: PatientTruth;
let followUp: number;
let petId: string;
let target: LesionObservation;

beforeAll(async () => {
  cohort = await generateTestCohort({ patients: 1, seed: 11 });
  followUp = await dropFirstFollowUpSeg(cohort);
  patient = cohort.truth.patients[0]!;
  db = await openTestDatabase('pglite');
  await ingestCohort(cohort, db.handle.db, db.dataDir);
  petId = await movePetToFrameOfItsOwn();
  await trackPatient(db.handle.db, db.dataDir, patient.patientId, FAST_TRACKING);
  const atBaseline = new Set(patient.timepoints[0]!.lesions.filter((l) => l.present)
    .map((l) => l.lesionId));
  target = patient.timepoints[followUp]!.lesions
    .filter((l) => l.present && atBaseline.has(l.lesionId))
    .sort((a, b) => (b.suvMax ?? 0) - (a.suvMax ?? 0))[0]!;
}, 300_000);
afterAll(async () => {
  await db?.dispose();
  await cohort?.dispose();
});

async function movePetToFrameOfItsOwn(): Promise<string> {
  const uid = patient.timepoints[followUp]!.series.fdgPet.seriesInstanceUid;
  const [row] = await db.handle.db.select({ id: series.id, volume: volumes }).from(series)
    .innerJoin(volumes, eq(volumes.seriesId, series.id))
    .where(eq(series.seriesInstanceUid, uid));
  const moved = row!.volume.originMm.map((x, a) => x + (SHIFT_MM[a] ?? 0)) as Vec3;
  await db.handle.db.update(series).set({ frameOfReferenceUid: '2.25.4242' })
    .where(eq(series.id, row!.id));
  await db.handle.db.update(volumes).set({ originMm: moved }).where(eq(volumes.id, row!.volume.id));

  return row!.id;
}

describe('an outline on a PET in a frame of its own', () => {
  it('has its PET registered to the CT, finding the shift', async () => {
    const [reg] = await db.handle.db.select().from(seriesRegistrations)
      .where(eq(seriesRegistrations.seriesId, petId));
    const at = target.centroidScannerMm!;
    const moved = applyMatrix(reg!.matrix, at);

    expect(reg?.status).toBe('ok');
    expect(Math.hypot(...moved.map((x, a) => x - at[a]! - SHIFT_MM[a]!)))
      .toBeLessThan(PET_VOXEL_MM);
  });

  it('lands on its lesion at its true place in the CT frame, unflagged', async () => {
    const pet = patient.timepoints[followUp]!.series.fdgPet.geometry;
    const seed = pointToIndex(pet, target.centroidScannerMm!).map(Math.round) as Vec3;
    const out = await outlineLesionHere(db.handle.db, db.dataDir, { seriesId: petId, seed },
      'reader one');
    const table = await loadLesionTable(db.handle.db, patient.patientId);
    const labels = new Map((await db.handle.db.select().from(segmentMasks))
      .map((m) => [m.id, m.label]));
    const truthOf = truthOfMasks(table, patient, labels);
    const track = table.lesions.find((l) => l.observations.some((o) => o.id === out.observationId));
    const cell = track?.observations.find((o) => o.id === out.observationId);
    const baselineMask = track?.observations.find((o) => o.timepoint === 0)?.segmentMaskId;

    expect(truthOf.get(baselineMask ?? '')).toBe(target.lesionId);
    expect(cell?.reviewFlags).not.toContain('other-frame-of-reference');
    const off = cell!.centroidMm!.map((x, a) => x - target.centroidScannerMm![a]!);
    expect(Math.hypot(...off)).toBeLessThan(PET_VOXEL_MM);
  }, 120_000);
});
