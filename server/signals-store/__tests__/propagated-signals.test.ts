/**
 * Signals of masks tracking made: a phantom patient ingested without one follow-up's SEG
 * is tracked, so its lesions there get propagated masks; computing signals must measure
 * those masks, say so in the provenance, and come close to the truth of each lesion.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  lesionObservations, propagatedMasks, segmentMasks, series, signalValues, studies, timepoints,
} from '@/db/schema';
import type { PatientTruth } from '@/server/phantom/ground-truth';
import type { TestDatabase } from '@/server/testing/databases';
import {
  trackedPatientMissingOneSeg, type TrackedPatient,
} from '@/server/testing/phantom-cohort';

import { computePatientSignals, readPatientSignals, signalsCsv } from '..';

// As in the tracker's own propagation test: a grown mask on 4 mm voxels is within 20 % of
// the true volume unless tracking flagged it as doubtful, and the flag is all that a
// doubtful mask owes (seed 7: three of five masks reach the edge of their search region).
const VOLUME_TOLERANCE = 0.2;
const DOUBTFUL = ['reaches-search-edge', 'large-volume-change'];

let tracked: TrackedPatient;
let db: TestDatabase;
let patient: PatientTruth;
let dropped: number;

beforeAll(async () => {
  tracked = await trackedPatientMissingOneSeg(7);
  ({ db, patient, droppedIndex: dropped } = tracked);
  await computePatientSignals(db.handle.db, db.dataDir, patient.patientId);
}, 600_000);
afterAll(() => tracked?.dispose());

/** Each propagated mask with the truth of its lesion, through the SEG segment it came from. */
async function propagatedWithTruth() {
  const rows = await db.handle.db
    .select({ mask: propagatedMasks, seedLabel: segmentMasks.label, seedDate: timepoints.date })
    .from(propagatedMasks)
    .innerJoin(segmentMasks, eq(segmentMasks.id, propagatedMasks.fromSegmentMaskId))
    .innerJoin(series, eq(series.id, segmentMasks.imageSeriesId))
    .innerJoin(studies, eq(studies.id, series.studyId))
    .innerJoin(timepoints, eq(timepoints.id, studies.timepointId));

  return rows.map((r) => {
    const seedTruth = patient.timepoints.find((t) => t.date === r.seedDate)?.lesions
      .find((l) => l.segmentLabel === r.seedLabel);
    const truth = patient.timepoints[dropped]!.lesions
      .find((l) => l.lesionId === seedTruth?.lesionId);

    return { mask: r.mask, truth };
  });
}

function valuesOf(observationId: string) {
  return db.handle.db.select().from(signalValues)
    .where(eq(signalValues.observationId, observationId));
}

describe('signals of a follow-up whose lesions were propagated', () => {
  it('measures every propagated mask and names the mask source', async () => {
    const masks = await propagatedWithTruth();
    const present = patient.timepoints[dropped]!.lesions.filter((l) => l.present);

    expect(masks.length).toBe(present.length);
    for (const { mask } of masks) {
      const values = await valuesOf(mask.observationId);
      const volume = values.find((v) => v.signalId === 'volume');

      expect(values.length).toBeGreaterThanOrEqual(16);
      expect(values.every((v) => v.settings?.maskSource === 'propagated')).toBe(true);
      // Volume is measured on the grid the mask lies on, so it counts the same voxels.
      expect(volume?.voxelCount).toBe(mask.voxelCount);
    }
  });

  it('comes close to the true volume and FDG SUVmax of each lesion', async () => {
    let trusted = 0;
    for (const { mask, truth } of await propagatedWithTruth()) {
      const values = await valuesOf(mask.observationId);
      const of = (id: string) => values.find((v) => v.signalId === id)?.value ?? null;
      const [observation] = await db.handle.db.select().from(lesionObservations)
        .where(eq(lesionObservations.id, mask.observationId));
      const volumeMl = of('volume');
      const suvMax = of('fdg-suvmax');

      expect(truth?.present).toBe(true);
      expect(volumeMl).not.toBeNull();
      expect(suvMax).not.toBeNull();
      if (observation!.reviewFlags.some((f) => DOUBTFUL.includes(f))) continue;
      trusted += 1;
      expect(Math.abs(volumeMl! / truth!.voxelVolumeMl - 1)).toBeLessThanOrEqual(
        VOLUME_TOLERANCE);
      // A mask over the lesion holds its hottest PET voxel; the truth decoded the same file.
      expect(Math.abs(suvMax! / truth!.suvMax! - 1)).toBeLessThan(1e-3);
    }
    expect(trusted).toBeGreaterThan(0);
  });

  it('shows the values under the lesion track on the dashboard', async () => {
    const doc = await readPatientSignals(db.handle.db, patient.patientId);
    const date = patient.timepoints[dropped]!.date;
    const [observation] = await db.handle.db.select().from(lesionObservations)
      .where(eq(lesionObservations.source, 'propagated'));
    const track = doc.lesions.find((l) => l.key === observation!.trackId);
    const shown = doc.values.filter((v) => v.lesionKey === track?.key && v.date === date);

    expect(track?.tracked).toBe(true);
    expect(shown.find((v) => v.signalId === 'volume')?.observationId).toBe(observation!.id);
  });

  it('names the propagated mask source on the dashboard and in the CSV export', async () => {
    const doc = await readPatientSignals(db.handle.db, patient.patientId);
    const date = patient.timepoints[dropped]!.date;
    const sources = new Set(doc.values.map((v) => `${v.date === date} ${v.madeBy}`));

    expect(sources).toEqual(new Set(['false null', 'true propagated']));
    const lines = (await signalsCsv(db.handle.db, patient.patientId)).trimEnd().split('\r\n');

    // mask_source is the last column; a quoted field before it may hold commas.
    expect(lines[0]?.endsWith(',mask_source')).toBe(true);
    expect(lines.length - 1).toBe(doc.values.length);
    for (const line of lines.slice(1)) {
      const atDropped = line.includes(`,${date},`);
      expect(line.endsWith(atDropped ? ',propagated' : ',segmentation')).toBe(true);
    }
  });
});
