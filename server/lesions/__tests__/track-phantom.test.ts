/**
 * trackPatient end to end on a generated two-patient cohort, against its ground truth,
 * on the embedded database and on the PostgreSQL server: lesion correspondence, the
 * registration residual at the true lesion centroids, a relink that survives
 * re-tracking, and the shape of the `hallmark tracks --json` document.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { segmentMasks } from '@/db/schema';
import type { GroundTruth } from '@/server/phantom/ground-truth';
import type { TestDatabase } from '@/server/testing/databases';
import { databaseKinds, openTestDatabase } from '@/server/testing/databases';
import {
  FAST_TRACKING,
  generateTestCohort,
  ingestCohort,
  type TestCohort,
} from '@/server/testing/phantom-cohort';

import {
  loadLesionTable,
  recordDecision,
  trackPatient,
  tracksDocument,
  type LesionTable,
} from '..';
import { residualsMm } from './truth-geometry';
import { linkScore, median, tracksPerLesion, truthOfMasks } from './truth-scoring';

let cohort: TestCohort;
let truth: GroundTruth;

beforeAll(async () => {
  cohort = await generateTestCohort({ patients: 2, seed: 7 });
  truth = cohort.truth;
});
afterAll(() => cohort?.dispose());

describe.each(await databaseKinds())('trackPatient on a phantom cohort on %s', (kind) => {
  let db: TestDatabase;
  const tables = new Map<string, LesionTable>();
  let maskLabels: Map<string, string>;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await ingestCohort(cohort, db.handle.db, db.dataDir);
    const masks = await db.handle.db.select().from(segmentMasks);
    maskLabels = new Map(masks.map((m) => [m.id, m.label]));
  }, 120_000);
  afterAll(() => db?.dispose());

  it('puts each true lesion on exactly one track', async () => {
    for (const p of truth.patients) {
      const summary = await trackPatient(db.handle.db, db.dataDir, p.patientId, FAST_TRACKING);
      const table = await loadLesionTable(db.handle.db, p.patientId);
      tables.set(p.patientId, table);
      const truthOf = truthOfMasks(table, p, maskLabels);
      const score = linkScore(table, truthOf);
      const split = [...tracksPerLesion(table, truthOf).values()].filter((s) => s.size > 1);
      console.info(
        `${kind} ${p.patientId}: ${summary.timepoints} timepoints, ` +
          `${summary.tracks} tracks, ${summary.failedRegistrations} failed registrations, ` +
          `link precision ${score.precision.toFixed(3)} recall ${score.recall.toFixed(3)} ` +
          `F1 ${score.f1.toFixed(3)} (${score.truePairs} true pairs), ` +
          `${split.length} true lesions spread over more than one track, ${summary.durationMs} ms`,
      );

      expect(truthOf.size).toBe(
        table.lesions.flatMap((l) => l.observations).filter((o) => o.present).length,
      );
      expect(score.f1).toBeGreaterThanOrEqual(0.9);
      // No track mixes two true lesions, and none is cut in two: HM-0002's lesion that
      // shrinks from 9 voxels to 1 stays on its track through the size gate's allowance.
      expect(score.precision).toBe(1);
      expect(split).toEqual([]);
    }
  }, 600_000);

  it('registers follow-ups to within 2 mm (median) at the true lesion centroids', () => {
    const all: number[] = [];
    for (const p of truth.patients) {
      const table = tables.get(p.patientId)!;
      all.push(...residualsMm(table, p));
    }
    console.info(
      `${kind}: residual at ${all.length} true centroids, median ` +
        `${median(all).toFixed(2)} mm, max ${Math.max(...all).toFixed(2)} mm`,
    );

    expect(all.length).toBeGreaterThan(0);
    expect(median(all)).toBeLessThanOrEqual(2);
  });

  it('keeps a manual relink when the patient is tracked again', async () => {
    const p = [...truth.patients].sort((a, b) => a.timepoints.length - b.timepoints.length)[0]!;
    const before = await loadLesionTable(db.handle.db, p.patientId);
    const [from, to] = before.lesions.filter((l) =>
      l.observations.some((o) => o.timepoint > 0 && o.present),
    );
    const moved = from!.observations.find((o) => o.timepoint > 0 && o.present)!;
    const partner = to!.observations.find((o) => o.present)!;
    await recordDecision(
      db.handle.db,
      db.dataDir,
      { kind: 'relink', observationId: moved.id, targetTrackId: to!.id },
      'test reader',
    );
    await trackPatient(db.handle.db, db.dataDir, p.patientId, FAST_TRACKING);
    const after = await loadLesionTable(db.handle.db, p.patientId);
    const trackOf = (maskId: string | null) =>
      after.lesions.find((l) => l.observations.some((o) => o.segmentMaskId === maskId));
    const landed = trackOf(moved.segmentMaskId)!.observations.find(
      (o) => o.segmentMaskId === moved.segmentMaskId,
    );

    expect(trackOf(moved.segmentMaskId)?.id).toBe(trackOf(partner.segmentMaskId)?.id);
    expect(landed?.reviewFlags).toEqual(['manual']);
    expect(landed?.confidence).toBe(1);
  }, 300_000);

  it('prints the documented --json shape', async () => {
    const p = truth.patients[0]!;
    const doc = tracksDocument(await loadLesionTable(db.handle.db, p.patientId));
    const observation = doc.lesions.flatMap((l) => l.observations).find((o) => o.present)!;

    expect(Object.keys(doc)).toEqual(['patientId', 'timepoints', 'lesions']);
    expect(doc.timepoints.map((t) => t.studyDate)).toEqual(p.timepoints.map((t) => t.date));
    expect(Object.keys(doc.timepoints[0]!)).toEqual(['index', 'studyDate', 'registration']);
    expect(doc.timepoints.map((t) => t.registration.status).sort()[0]).toBe('baseline');
    // Each follow-up's registration carries the quality record it was judged by.
    for (const t of doc.timepoints.filter((x) => x.registration.status === 'ok')) {
      expect(t.registration.quality?.bodyOverlapDice).toBeGreaterThan(0.8);
      expect(t.registration.quality?.engine)
        .toBe(process.env.HALLMARK_REGISTRATION_ENGINE ?? 'wasm');
    }
    expect(Object.keys(doc.lesions[0]!)).toEqual(['id', 'label', 'status', 'observations']);
    expect(Object.keys(observation)).toEqual([
      'timepoint',
      'studyDate',
      'present',
      'source',
      'volumeMl',
      'longestDiameterMm',
      'shortAxisMm',
      'centroidMm',
      'centroidBaselineMm',
      'confidence',
    ]);
    expect(observation.centroidMm).toHaveLength(3);
    expect(observation.centroidBaselineMm).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
