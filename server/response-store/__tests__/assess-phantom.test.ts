/**
 * assessPatient on a generated, ingested and tracked phantom patient, against its ground
 * truth: organs from the SEG, baseline values (short axis for nodes), target sums per
 * timepoint, the RECIST target rules, an override that changes the category and survives
 * re-tracking, PERCIST without PET signals, and the `hallmark response --json` document.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { printPatientResponse } from '@/cli/commands/response-patient';

import { segmentMasks, series } from '@/db/schema';
import { rematchPatient, trackPatient } from '@/server/lesions';
import type { GroundTruth, PatientTruth } from '@/server/phantom/ground-truth';
import { openTestDatabase, type TestDatabase } from '@/server/testing/databases';
import {
  FAST_TRACKING,
  generateTestCohort,
  ingestCohort,
  type TestCohort,
} from '@/server/testing/phantom-cohort';

import { computePatientSignals } from '@/server/signals-store';

import { assessPatient, saveOverride, type PatientResponse } from '..';

// Diameters are measured on the voxel mask by tracking and by the phantom alike; the
// small phantom's 4 mm in-plane pixels leave up to one pixel of disagreement.
const TOLERANCE_MM = 4;

let cohort: TestCohort;
let truth: GroundTruth;
let db: TestDatabase;
let patient: PatientTruth;
let truthOfMask: Map<string, { organ: string; lesionId: string }>;

beforeAll(async () => {
  cohort = await generateTestCohort({ patients: 1, seed: 7 });
  truth = cohort.truth;
  patient = truth.patients[0]!;
  db = await openTestDatabase('pglite');
  await ingestCohort(cohort, db.handle.db, db.dataDir);
  await trackPatient(db.handle.db, db.dataDir, patient.patientId, FAST_TRACKING);
  truthOfMask = await maskTruth();
}, 600_000);
afterAll(async () => {
  await db?.dispose();
  await cohort?.dispose();
});

/** Mask id ↦ true lesion, through the segment label each timepoint's SEG carries. */
async function maskTruth() {
  const masks = await db.handle.db
    .select({ mask: segmentMasks, segUid: series.seriesInstanceUid })
    .from(segmentMasks)
    .innerJoin(series, eq(series.id, segmentMasks.sourceSeriesId));
  const out = new Map<string, { organ: string; lesionId: string }>();
  for (const { mask, segUid } of masks) {
    const tp = patient.timepoints.find((t) => t.series.seg?.seriesInstanceUid === segUid);
    const hit = tp?.lesions.find((l) => l.present && l.segmentLabel === mask.label);
    if (!hit) continue;
    const lesion = patient.lesions.find((l) => l.lesionId === hit.lesionId)!;
    out.set(mask.id, { organ: lesion.organ, lesionId: lesion.lesionId });
  }

  return out;
}

/** The true lesion of a response row, by its baseline mask. */
function truthLesion(response: PatientResponse, label: string) {
  const row = response.lesions.find((l) => l.label === label)!;
  const mask = row.cells[0]!.segmentMaskId!;

  return patient.lesions.find((l) => l.lesionId === truthOfMask.get(mask)?.lesionId)!;
}

function truthValueMm(lesionId: string, date: string, node: boolean): number {
  const obs = patient.timepoints
    .find((t) => t.date === date)!
    .lesions.find((l) => l.lesionId === lesionId)!;
  if (!obs.present) return 0;

  return (node ? obs.shortAxisMm : obs.longAxisMm) ?? 0;
}

const assess = (criteria: 'recist1.1' | 'percist1.0' = 'recist1.1') =>
  assessPatient(db.handle.db, db.dataDir, patient.patientId, criteria);

describe('assessPatient on a tracked phantom patient', () => {
  it('takes organ and node status from the SEG anatomic region', async () => {
    const response = await assess();
    const seen = response.lesions.filter((l) => !l.isNew);

    expect(seen.length).toBeGreaterThan(0);
    for (const row of seen) {
      const lesion = truthLesion(response, row.label);
      expect(row.organSource).toBe('seg');
      expect(row.node).toBe(lesion.isLymphNode);
      expect(row.organ).toBe(lesion.organ.replace('-', ' '));
    }
  });

  it('sums target diameters as the truth long axes, short axes for nodes', async () => {
    const response = await assess();
    const targets = response.lesions.filter((l) => l.role === 'target');

    expect(targets.length).toBeGreaterThan(0);
    response.result.timepoints.forEach((point, i) => {
      if (point.sumMm === undefined) return;
      const date = response.timepoints[i]!.date;
      const expected = targets.reduce(
        (sum, t) => sum + truthValueMm(truthLesion(response, t.label).lesionId, date, t.node),
        0,
      );
      console.info(
        `${date}: sum ${point.sumMm} mm, truth ${expected.toFixed(2)} mm, ` +
          `${point.overall ?? 'baseline'}`,
      );
      expect(Math.abs(point.sumMm - expected)).toBeLessThanOrEqual(TOLERANCE_MM * targets.length);
    });
  });

  it('suggests at most 5 targets, 2 per organ, nodes ranked by short axis', async () => {
    const response = await assess();
    const targets = response.lesions.filter((l) => l.role === 'target');
    const perOrgan = new Map<string, number>();
    for (const t of targets) {
      const key = t.node ? 'nodes' : t.organ;
      perOrgan.set(key, (perOrgan.get(key) ?? 0) + 1);
    }

    expect(targets.length).toBeLessThanOrEqual(5);
    expect(Math.max(...perOrgan.values())).toBeLessThanOrEqual(2);
    for (const row of response.lesions.filter((l) => !l.isNew)) {
      const baseline = row.cells[0]!;
      expect(baseline.valueMm).toBe(row.node ? baseline.shortAxisMm : baseline.longestDiameterMm);
      // A lesion left out while its organ had room must be smaller than every target.
      const organTargets = targets.filter(
        (t) => t.node === row.node && (row.node || t.organ === row.organ),
      );
      if (
        row.role !== 'target' &&
        organTargets.length < 2 &&
        targets.length < 5 &&
        (baseline.valueMm ?? 0) >= (row.node ? 15 : 10)
      ) {
        throw new Error(`${row.label} is measurable and its organ has room, yet not a target`);
      }
    }
  });

  it('turns a follow-up into PD by a reader diameter, kept across re-tracking', async () => {
    const before = await assess();
    const sums = before.result.timepoints.map((p) => p.sumMm);
    const at = before.result.timepoints.findIndex(
      (p, i) => i > 0 && p.overall !== 'PD' && p.sumMm !== undefined,
    );
    expect(at).toBeGreaterThan(0);
    const target = before.lesions.find(
      (l) => l.role === 'target' && l.cells[at]!.valueMm !== null,
    )!;
    // RECIST PD: the sum 20% and at least 5 mm above the smallest earlier sum (the nadir).
    const nadirMm = Math.min(...sums.slice(0, at).map((v) => v ?? Infinity));
    const neededMm = Math.max(nadirMm * 1.2, nadirMm + 5) - sums[at]!;
    const grownMm = target.cells[at]!.valueMm! + neededMm + 2;
    await saveOverride(db.handle.db, {
      patientId: patient.patientId,
      kind: 'diameter',
      trackId: target.trackId,
      timepointId: before.timepoints[at]!.id,
      value: { kind: 'diameter', diameterMm: grownMm },
      changedBy: 'cli',
    });
    await rematchPatient(db.handle.db, db.dataDir, patient.patientId);
    const after = await assess();
    const row = after.lesions.find(
      (l) => l.cells[0]!.segmentMaskId === target.cells[0]!.segmentMaskId,
    )!;

    expect(row.trackId).not.toBe(target.trackId);
    expect(after.result.timepoints[at]!.overall).toBe('PD');
    expect(row.cells[at]!.valueMm).toBe(grownMm);
    expect(row.cells[at]!.diameterOverride?.changedBy).toBe('cli');
  }, 120_000);

  it('counts a target a reader marks too small to measure as 5 mm, until cleared', async () => {
    const before = await assess();
    const at = before.timepoints.length - 1;
    const target = before.lesions.find((l) => {
      const c = l.cells[at]!;

      return l.role === 'target' && c.present && c.valueMm !== null && !c.diameterOverride;
    })!;
    const cell = target.cells[at]!;
    const slot = {
      patientId: patient.patientId,
      kind: 'diameter' as const,
      trackId: target.trackId,
      timepointId: before.timepoints[at]!.id,
      changedBy: 'cli',
    };
    await saveOverride(db.handle.db, {
      ...slot,
      value: { kind: 'diameter', diameterMm: null, tooSmall: true },
    });
    const marked = await assess();
    await saveOverride(db.handle.db, { ...slot, value: null });
    const cleared = await assess();
    const row = marked.lesions.find((l) => l.trackId === target.trackId)!;

    expect(row.cells[at]).toMatchObject({ tooSmall: true, valueMm: cell.valueMm });
    expect(marked.result.timepoints[at]!.sumMm).toBeCloseTo(
      before.result.timepoints[at]!.sumMm! - cell.valueMm! + 5,
      1,
    );
    expect(marked.result.timepoints[at]!.trace).toContain(
      `${target.label} measured ${Math.round(cell.valueMm! * 10) / 10} mm: too small to ` +
        'measure, counted as 5 mm',
    );
    expect(cleared.result.timepoints[at]!.sumMm).toBe(before.result.timepoints[at]!.sumMm);
  });

  it('answers PERCIST NE naming the missing liver reference', async () => {
    const response = await assess('percist1.0');

    expect(response.result.bestOverallResponse).toBe('NE');
    expect(response.notEvaluable).toMatch(/no liver reference \(SUL mean and SD\)/);
  });

  it("gives the engine each scan's CT slice spacing for the measurable minimum", async () => {
    const response = await assess();
    const points =
      response.input && 'timepoints' in response.input ? response.input.timepoints : [];

    expect(points).toHaveLength(response.timepoints.length);
    for (const point of points) {
      const t = patient.timepoints.find((tp) => tp.date === point.date)!;
      expect((point as { sliceThicknessMm?: number }).sliceThicknessMm).toBeCloseTo(
        t.series.ct.geometry.spacingMm[2],
        6,
      );
    }
  });

  it('scores PERCIST from the stored SULpeak and liver reference once signals exist', async () => {
    await computePatientSignals(db.handle.db, db.dataDir, patient.patientId);
    const response = await assess('percist1.0');

    expect(response.notEvaluable).toBeNull();
    const followUps = response.result.timepoints.slice(1);
    expect(followUps.length).toBeGreaterThan(0);
    for (const point of followUps) {
      console.info(`${point.date}: ${point.overall}, non-targets ${point.nonTarget ?? 'none'}`);
      expect(['CMR', 'PMR', 'SMD', 'PMD', 'NE']).toContain(point.overall);
      expect(point.trace.length).toBeGreaterThan(0);
    }
    expect(followUps.some((p) => p.overall !== 'NE')).toBe(true);
  }, 240_000);

  it('prints the documented --json document', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => undefined };
    const code = await printPatientResponse(
      db.handle.db,
      db.dataDir,
      { patientId: patient.patientId, criteria: 'recist1.1', json: true },
      io,
    );
    const doc = JSON.parse(out.join('\n'));

    expect(code).toBe(0);
    expect(Object.keys(doc)).toEqual([
      'patientId',
      'criteria',
      'timepoints',
      'lesions',
      'suggestedTargets',
      'notEvaluable',
      'result',
    ]);
    expect(doc.patientId).toBe(patient.patientId);
    expect(doc.result.timepoints).toHaveLength(doc.timepoints.length);
    expect(Object.keys(doc.lesions[0])).toEqual([
      'trackId',
      'label',
      'organ',
      'node',
      'organSource',
      'role',
      'roleSource',
      'isNew',
      'values',
    ]);
  });
});
