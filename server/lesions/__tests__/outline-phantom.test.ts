/**
 * Threshold outlines as lesions of their own on a generated phantom patient whose first
 * segmented follow-up lost its SEG: a click at the follow-up PET on a tracked lesion
 * lands on that lesion's track, stays there through re-tracking, honours a lesion the
 * reader names, is reviewed like a segment (marked new, merged back, split, marked
 * vanished after it, each recorded with who and when and replayed on re-tracking), and is
 * gone with its decisions (row, file, observation) after delete. A click on a lesion
 * the timepoint's SEG already holds is refused; an outline whose timepoint gets a SEG of
 * the same lesion afterwards is set aside rather than made a second lesion.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  lesionDecisions, lesionOutlines, lesionReviewActions, propagatedMasks, segmentMasks, series,
  signalValues, volumes,
} from '@/db/schema';
import { pointToIndex, type Vec3 } from '@/server/imaging/image';
import { runIngest } from '@/server/ingest/pipeline';
import { expandSources } from '@/server/ingest/sources';
import type { LesionObservation, PatientTruth } from '@/server/phantom/ground-truth';
import { computePatientSignals } from '@/server/signals-store/compute';
import type { TestDatabase } from '@/server/testing/databases';
import {
  FAST_TRACKING, generateTestCohort, trackedPatientMissingOneSeg, type TrackedPatient,
} from '@/server/testing/phantom-cohort';

import {
  loadLesionTable, recordDecision, recordReviewAction, rematchPatient, trackPatient,
  type LesionTable,
} from '..';
import { deleteOutline, listOutlines } from '../outlines';
import { outlineLesionHere } from '../threshold-outline';
import { truthOfMasks } from './truth-scoring';

const SEED = 11;
let tracked: TrackedPatient;
let db: TestDatabase;
let patient: PatientTruth;
let followUp: number;
let target: LesionObservation;
let petId: string;
let seed: Vec3;
let maskLabels: Map<string, string>;

beforeAll(async () => {
  tracked = await trackedPatientMissingOneSeg(SEED);
  ({ db, patient, droppedIndex: followUp } = tracked);
  maskLabels = new Map((await db.handle.db.select().from(segmentMasks))
    .map((m) => [m.id, m.label]));
  ({ target, petId, seed } = await hottestLesionAtFollowUp());
}, 300_000);
afterAll(() => tracked?.dispose());

/** The hottest lesion seen at baseline and at the follow-up, and a PET voxel at its centre. */
async function hottestLesionAtFollowUp() {
  const timepoint = patient.timepoints[followUp]!;
  const atBaseline = new Set(patient.timepoints[0]!.lesions.filter((l) => l.present)
    .map((l) => l.lesionId));
  const found = timepoint.lesions.filter((l) => l.present && atBaseline.has(l.lesionId))
    .sort((a, b) => (b.suvMax ?? 0) - (a.suvMax ?? 0))[0];
  if (!found) throw new Error('No lesion to outline at the follow-up.');

  return { target: found, ...await petVoxelOf(followUp, found.lesionId) };
}

/** The FDG PET of a timepoint and its voxel at the centre of a true lesion. */
async function petVoxelOf(index: number, lesionId: string) {
  const timepoint = patient.timepoints[index]!;
  const lesion = timepoint.lesions.find((l) => l.lesionId === lesionId);
  if (!lesion?.centroidScannerMm) throw new Error(`${lesionId} is absent at ${index}.`);
  const [row] = await db.handle.db.select({ id: series.id, volume: volumes }).from(series)
    .innerJoin(volumes, eq(volumes.seriesId, series.id))
    .where(eq(series.seriesInstanceUid, timepoint.series.fdgPet.seriesInstanceUid));
  const voxel = pointToIndex(row!.volume, lesion.centroidScannerMm).map(Math.round) as Vec3;

  return { petId: row!.id, seed: voxel };
}

/** The track holding the true lesion's baseline SEG mask. */
function trackOfTruth(table: LesionTable, lesionId: string) {
  const truthOf = truthOfMasks(table, patient, maskLabels);

  return table.lesions.find((l) => l.observations.some((o) =>
    o.timepoint === 0 && truthOf.get(o.segmentMaskId ?? '') === lesionId));
}

function outlineCell(table: LesionTable) {
  for (const lesion of table.lesions) {
    const cell = lesion.observations.find((o) => o.source === 'threshold');
    if (cell) return { lesion, cell };
  }

  return undefined;
}

describe('threshold outlines through tracking', () => {
  let outlineId: string;

  it('lands on the track of the lesion it outlines at a follow-up PET', async () => {
    const out = await outlineLesionHere(db.handle.db, db.dataDir, { seriesId: petId, seed },
      'reader one');
    outlineId = out.outlineId;
    const table = await loadLesionTable(db.handle.db, patient.patientId);
    const found = outlineCell(table);

    expect(found?.cell.timepoint).toBe(followUp);
    expect(found?.cell.id).toBe(out.observationId);
    expect(found?.lesion.id).toBe(trackOfTruth(table, target.lesionId)?.id);
    // The mask the viewer and the signals read sits on the PET grid, in the outline's file.
    const [mask] = await db.handle.db.select().from(propagatedMasks)
      .where(eq(propagatedMasks.observationId, out.observationId));
    const [row] = await db.handle.db.select().from(lesionOutlines)
      .where(eq(lesionOutlines.id, outlineId));
    expect(mask).toMatchObject({ imageSeriesId: petId, storedPath: row!.storedPath,
      voxelCount: out.voxelCount });
  }, 120_000);

  it('stays on that track when the patient is tracked again', async () => {
    await trackPatient(db.handle.db, db.dataDir, patient.patientId, FAST_TRACKING);
    const table = await loadLesionTable(db.handle.db, patient.patientId);
    const found = outlineCell(table);
    const [listed] = await listOutlines(db.handle.db, petId);

    expect(found?.cell.timepoint).toBe(followUp);
    expect(found?.lesion.id).toBe(trackOfTruth(table, target.lesionId)?.id);
    expect(listed).toMatchObject({ id: outlineId, outlinedBy: 'reader one',
      lesionLabel: found?.lesion.label, trackId: found?.lesion.id });
  }, 300_000);

  it('gets hallmark signals measured on its own PET-grid mask', async () => {
    await computePatientSignals(db.handle.db, db.dataDir, patient.patientId);
    const found = outlineCell(await loadLesionTable(db.handle.db, patient.patientId));
    const [outline] = await listOutlines(db.handle.db, petId);
    const values = await db.handle.db.select().from(signalValues)
      .where(eq(signalValues.observationId, found!.cell.id));
    const of = (id: string) => values.find((v) => v.signalId === id);

    expect(values.length).toBeGreaterThan(5);
    expect(values.every((v) => v.settings?.maskSource === 'threshold')).toBe(true);
    // Volume counts the outline's own voxels; its hottest voxel is the local maximum the
    // threshold was taken from.
    expect(of('volume')?.voxelCount).toBe(outline!.voxelCount);
    expect(of('fdg-suvmax')?.value).toBeCloseTo(outline!.localMaxSuv, 3);
  }, 300_000);

  it('goes to the lesion the reader names, and follows a relink', async () => {
    const before = await loadLesionTable(db.handle.db, patient.patientId);
    const home = trackOfTruth(before, target.lesionId)!;
    const other = before.lesions.find((l) => l.id !== home.id &&
      l.observations.some((o) => o.segmentMaskId))!;
    const otherMask = other.observations.find((o) => o.segmentMaskId)!.segmentMaskId;
    const named = await outlineLesionHere(db.handle.db, db.dataDir,
      { seriesId: petId, seed, trackId: other.id }, 'reader two');
    await rematchPatient(db.handle.db, db.dataDir, patient.patientId);
    const after = await loadLesionTable(db.handle.db, patient.patientId);
    const holder = after.lesions.find((l) => l.observations.some((o) =>
      o.segmentMaskId === otherMask))!;
    const cell = holder.observations.find((o) => o.timepoint === followUp)!;

    expect(cell.source).toBe('threshold');
    expect(cell.reviewFlags).toEqual(['manual']);
    const homeNow = trackOfTruth(after, target.lesionId)!;
    await recordDecision(db.handle.db, db.dataDir,
      { kind: 'relink', observationId: cell.id, targetTrackId: homeNow.id }, 'reader two');
    const relinked = await loadLesionTable(db.handle.db, patient.patientId);
    const listed = await listOutlines(db.handle.db, petId);

    expect(listed.find((o) => o.id === named.outlineId)?.trackId)
      .toBe(trackOfTruth(relinked, target.lesionId)?.id);
    await deleteOutline(db.handle.db, db.dataDir, named.outlineId);
  }, 300_000);

  it('is marked new, merged back and split like a segment, through re-tracking',
    async () => {
      const table = await loadLesionTable(db.handle.db, patient.patientId);
      const home = trackOfTruth(table, target.lesionId)!;
      await recordDecision(db.handle.db, db.dataDir,
        { kind: 'mark-new', observationId: outlineCell(table)!.cell.id }, 'reader five');
      await trackPatient(db.handle.db, db.dataDir, patient.patientId, FAST_TRACKING);
      const apart = await loadLesionTable(db.handle.db, patient.patientId);
      const own = outlineCell(apart)!;
      const [decision] = await db.handle.db.select().from(lesionDecisions)
        .where(eq(lesionDecisions.outlineId, outlineId));

      // A new lesion from the outline on, through a full re-tracking.
      expect(own.lesion.id).not.toBe(trackOfTruth(apart, target.lesionId)?.id);
      expect(own.lesion.events).toContainEqual({ kind: 'new', timepointIndex: followUp });
      expect(own.cell.reviewFlags).toEqual(['manual']);
      expect(decision).toMatchObject({ kind: 'mark-new', segmentMaskId: null,
        decidedBy: 'reader five', decidedAt: expect.any(Date) });

      await recordReviewAction(db.handle.db, db.dataDir, { kind: 'merge',
        observationId: own.cell.id, otherTrackId: trackOfTruth(apart, target.lesionId)!.id },
      'reader five');
      const merged = await loadLesionTable(db.handle.db, patient.patientId);
      const together = trackOfTruth(merged, target.lesionId)!;

      expect(outlineCell(merged)?.lesion.id).toBe(together.id);
      expect(together.observations.filter((o) => o.present).length)
        .toBe(home.observations.filter((o) => o.present).length);

      const other = merged.lesions.find((l) => l.id !== together.id &&
        l.observations.some((o) => o.segmentMaskId))!;
      const otherMask = other.observations.find((o) => o.segmentMaskId)!.segmentMaskId;
      await recordReviewAction(db.handle.db, db.dataDir, { kind: 'split',
        observationId: outlineCell(merged)!.cell.id, otherTrackId: other.id }, 'reader five');
      const split = await loadLesionTable(db.handle.db, patient.patientId);
      const keeper = split.lesions.find((l) => l.observations.some((o) =>
        o.segmentMaskId === otherMask))!;

      // The outline went to the lesion the reader said it belongs to.
      expect(outlineCell(split)?.lesion.id).toBe(keeper.id);
      expect(trackOfTruth(split, target.lesionId)?.observations
        .find((o) => o.timepoint === followUp)?.source).not.toBe('threshold');
      const actions = await db.handle.db.select().from(lesionReviewActions)
        .where(eq(lesionReviewActions.outlineId, outlineId));
      expect(actions.map((a) => a.kind).sort()).toEqual(['merge', 'split']);
      // The other lesion is remembered by a segment, which outlives any outline.
      expect(actions.find((a) => a.kind === 'split'))
        .toMatchObject({ withSegmentMaskId: expect.any(String), withOutlineId: null });
    }, 600_000);

  it('anchors a vanish on an outline, its lesion\'s only earlier sighting', async () => {
    const marked = await loadLesionTable(db.handle.db, patient.patientId);
    await recordDecision(db.handle.db, db.dataDir,
      { kind: 'mark-new', observationId: outlineCell(marked)!.cell.id }, 'reader six');
    // The outline now starts a lesion: no segment of that lesion comes before it.
    const table = await loadLesionTable(db.handle.db, patient.patientId);
    const holder = outlineCell(table)!.lesion;
    const later = holder.observations.find((o) => o.timepoint > followUp);
    if (!later) throw new Error('The fixture has no timepoint after the outlined one.');
    await recordReviewAction(db.handle.db, db.dataDir,
      { kind: 'vanish', observationId: later.id }, 'reader six');
    const after = await loadLesionTable(db.handle.db, patient.patientId);
    const [action] = await db.handle.db.select().from(lesionReviewActions)
      .where(eq(lesionReviewActions.decidedBy, 'reader six'));
    const vanished = after.lesions.find((l) => l.id === outlineCell(after)?.lesion.id)!;

    expect(action).toMatchObject({ kind: 'vanish', outlineId, segmentMaskId: null });
    expect(vanished.events).toContainEqual({ kind: 'vanished', timepointIndex: later.timepoint });
    expect(vanished.observations.filter((o) => o.timepoint >= later.timepoint && o.present))
      .toEqual([]);
  }, 300_000);

  it('deletes the outline, its file and its observation', async () => {
    const [row] = await db.handle.db.select().from(lesionOutlines)
      .where(eq(lesionOutlines.id, outlineId));
    const file = path.join(db.dataDir, row!.storedPath);
    await fs.access(file);

    await deleteOutline(db.handle.db, db.dataDir, outlineId);
    const table = await loadLesionTable(db.handle.db, patient.patientId);
    const home = trackOfTruth(table, target.lesionId);

    expect(outlineCell(table)).toBeUndefined();
    expect(await listOutlines(db.handle.db, petId)).toEqual([]);
    await expect(fs.access(file)).rejects.toThrow();
    expect(await db.handle.db.select().from(lesionDecisions)
      .where(eq(lesionDecisions.outlineId, outlineId))).toEqual([]);
    expect(await db.handle.db.select().from(lesionReviewActions)
      .where(eq(lesionReviewActions.outlineId, outlineId))).toEqual([]);
    // Without the outline the lesion is looked for by carrying its mask there again.
    expect(home?.observations.find((o) => o.timepoint === followUp)?.source)
      .toBe('propagated');
  }, 120_000);
});

describe('an outline of a lesion a SEG already holds', () => {
  it('is refused at a segmented timepoint, naming the lesion, with nothing stored', async () => {
    const baseline = await petVoxelOf(0, target.lesionId);
    const home = trackOfTruth(await loadLesionTable(db.handle.db, patient.patientId),
      target.lesionId)!;
    const before = await db.handle.db.select().from(lesionOutlines);
    const click = outlineLesionHere(db.handle.db, db.dataDir,
      { seriesId: baseline.petId, seed: baseline.seed }, 'reader three');

    await expect(click).rejects.toMatchObject({ code: 'CONFLICT',
      userMessage: expect.stringContaining(`as lesion ${home.label} (segment "`) });
    expect(await db.handle.db.select().from(lesionOutlines)).toHaveLength(before.length);
    await expect(fs.readdir(path.join(db.dataDir, 'threshold', baseline.petId)))
      .rejects.toThrow();
  }, 120_000);

  it('is set aside, not a second lesion, once its timepoint gets a SEG of it', async () => {
    const out = await outlineLesionHere(db.handle.db, db.dataDir, { seriesId: petId, seed },
      'reader four');
    await ingestDroppedSeg();
    await rematchPatient(db.handle.db, db.dataDir, patient.patientId);
    const table = await loadLesionTable(db.handle.db, patient.patientId);
    const home = trackOfTruth(table, target.lesionId)!;
    const listed = (await listOutlines(db.handle.db, petId)).find((o) => o.id === out.outlineId);

    expect(outlineCell(table)).toBeUndefined();
    expect(home.observations.find((o) => o.timepoint === followUp)?.source)
      .toBe('segmentation');
    expect(listed).toMatchObject({ trackId: null,
      duplicateOf: { lesionLabel: home.label, trackId: home.id } });
  }, 300_000);
});

/** The follow-up SEG the fixture deleted, written again by the generator and ingested. */
async function ingestDroppedSeg() {
  const seg = patient.timepoints[followUp]!.series.seg;
  if (!seg) throw new Error('The dropped follow-up has no SEG in the ground truth.');
  const again = await generateTestCohort({ patients: 1, seed: SEED });
  try {
    const sources = await expandSources([path.join(again.dir, path.dirname(seg.file))]);
    const report = await runIngest(sources.files, sources.rejected,
      { db: db.handle.db, dataDir: db.dataDir, source: 'cli' });
    expect(report.rejected).toEqual([]);
    expect(report.ingested).toBeGreaterThan(0);
  } finally {
    await again.dispose();
  }
}
