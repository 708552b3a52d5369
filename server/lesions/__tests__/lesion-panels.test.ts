/**
 * The lesion page's data on a phantom patient tracked without one follow-up's SEG:
 * every panel names the CT it is shown on and the mask to outline (the propagated one
 * where nothing was segmented), the mask route finds both kinds, and the slice the page
 * opens on passes through the outlined mask.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findMask } from '@/app/api/masks/find-mask';
import { propagatedMasks, segmentMasks } from '@/db/schema';
import { sliceThrough } from '@/lib/lesion-slices';
import type { PatientTruth } from '@/server/phantom/ground-truth';
import type { TestDatabase } from '@/server/testing/databases';
import {
  trackedPatientMissingOneSeg, type TrackedPatient,
} from '@/server/testing/phantom-cohort';

import { loadLesionTable, type LesionTable } from '..';
import { loadLesionPanels } from '../read-lesion-panels';

let tracked: TrackedPatient;
let db: TestDatabase;
let patient: PatientTruth;
let table: LesionTable;

beforeAll(async () => {
  tracked = await trackedPatientMissingOneSeg(7);
  ({ db, patient } = tracked);
  table = await loadLesionTable(db.handle.db, patient.patientId);
}, 600_000);
afterAll(() => tracked?.dispose());

describe('loadLesionPanels', () => {
  it('names per timepoint the segmented or propagated mask, on a CT through it', async () => {
    const propagated = await db.handle.db.select().from(propagatedMasks);
    const segmentIds = new Set((await db.handle.db.select().from(segmentMasks)).map((m) => m.id));
    const checked = { segmented: 0, propagated: 0 };
    for (const track of table.lesions) {
      const { panels } = await loadLesionPanels(db.handle.db, patient.patientId, track.id);

      expect(panels).toHaveLength(table.timepoints.length);
      for (const o of track.observations.filter((x) => x.present && x.centroidMm)) {
        const panel = panels[o.timepoint]!;
        const own = propagated.find((p) => p.observationId === o.id);

        expect(panel.observationId).toBe(o.id);
        expect(panel.maskId).toBe(o.segmentMaskId ?? own?.id);
        const mask = await findMask(db.handle.db, panel.maskId!);
        if (mask.imageSeriesId !== panel.ct!.seriesId) continue;
        const k = sliceThrough(panel.ct!, o.centroidMm!);

        expect(k).toBeGreaterThanOrEqual(mask.bbox[2]!);
        expect(k).toBeLessThanOrEqual(mask.bbox[5]!);
        checked[segmentIds.has(panel.maskId!) ? 'segmented' : 'propagated'] += 1;
      }
    }

    expect(checked.segmented).toBeGreaterThan(0);
    expect(checked.propagated).toBeGreaterThan(0);
  });

  it('refuses a lesion of another patient, and an unknown mask', async () => {
    await expect(
      loadLesionPanels(db.handle.db, patient.patientId, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toThrow(/No lesion/);
    await expect(findMask(db.handle.db, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(
      /does not exist/,
    );
  });
});
