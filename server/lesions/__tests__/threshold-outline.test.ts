/**
 * "Outline lesion here" end to end on a hand-made PET in a test database: a hot sphere
 * stored as counts with a known SUV factor, clicked, and the observation, mask row and
 * mask file checked against the sphere's hand-counted 33 voxels.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  lesionObservations,
  lesionOutlines,
  patients,
  propagatedMasks,
  series,
  studies,
  timepoints,
  volumes,
} from '@/db/schema';
import { IDENTITY_DIRECTION, type Vec3 } from '@/server/imaging/image';
import { writeVolumePixels } from '@/server/storage/volumes';
import { openTestDatabase, type TestDatabase } from '@/server/testing/databases';

import { outlineLesionHere } from '../threshold-outline';

const N = 21;
let db: TestDatabase;
let petId: string;
let timepointId: string;

/** Counts 20 inside radius 2 voxels of the centre, 2 elsewhere; SUV = counts x 0.5. */
function counts(): Int16Array {
  const data = new Int16Array(N * N * N);
  for (let k = 0, n = 0; k < N; k++) {
    for (let j = 0; j < N; j++) {
      for (let i = 0; i < N; i++, n++) {
        data[n] = (i - 10) ** 2 + (j - 10) ** 2 + (k - 10) ** 2 <= 4 ? 20 : 2;
      }
    }
  }

  return data;
}

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  const d = db.handle.db;
  const [p] = await d.insert(patients).values({ patientId: 'THR-1' }).returning();
  const [tp] = await d
    .insert(timepoints)
    .values({ patientId: p!.id, date: '2026-01-02' })
    .returning();
  timepointId = tp!.id;
  const [st] = await d
    .insert(studies)
    .values({ patientId: p!.id, timepointId, studyInstanceUid: '1.2.3', studyDate: '2026-01-02' })
    .returning();
  const [se] = await d
    .insert(series)
    .values({
      studyId: st!.id,
      seriesInstanceUid: '1.2.3.4',
      modality: 'PT',
      seriesType: 'PT',
      instanceCount: N,
      suv: { available: true, suvBwFactor: 0.5 },
    })
    .returning();
  petId = se!.id;
  await writeVolumePixels(path.join(db.dataDir, 'pet.raw'), counts());
  await d
    .insert(volumes)
    .values({
      seriesId: petId,
      size: [N, N, N] as Vec3,
      spacingMm: [2, 2, 2] as Vec3,
      originMm: [0, 0, 0] as Vec3,
      direction: IDENTITY_DIRECTION,
      pixelType: 'int16',
      storedPath: 'pet.raw',
      minValue: 2,
      maxValue: 20,
      report: {
        sliceCount: N,
        sliceSpacingMm: 2,
        missingSlices: 0,
        unevenSpacing: false,
        gantryTiltDeg: 0,
        warnings: [],
      },
    });
}, 120_000);
afterAll(async () => {
  await db?.dispose();
});

describe('outlineLesionHere', () => {
  it('stores the sphere as a threshold observation with its mask on the PET grid', async () => {
    const d = db.handle.db;
    const out = await outlineLesionHere(
      d,
      db.dataDir,
      { seriesId: petId, seed: [11, 10, 10] },
      'tester',
    );

    expect(out).toMatchObject({
      method: '41%',
      voxelCount: 33,
      localMaxSuv: 10,
      bbox: [8, 8, 8, 12, 12, 12],
    });
    const [obs] = await d
      .select()
      .from(lesionObservations)
      .where(eq(lesionObservations.id, out.observationId));
    expect(obs).toMatchObject({ source: 'threshold', present: true, timepointId });
    // 33 voxels of 2 x 2 x 2 mm = 264 mm³.
    expect(obs!.volumeMl).toBeCloseTo(0.264, 6);
    const [outline] = await d
      .select()
      .from(lesionOutlines)
      .where(eq(lesionOutlines.id, out.outlineId));
    expect(outline).toMatchObject({
      outlinedBy: 'tester', method: '41%', voxelCount: 33, seedVoxel: [11, 10, 10],
      thresholdSuv: 4.1, reachedBound: false, imageSeriesId: petId,
    });
    expect(obs!.outlineId).toBe(out.outlineId);
    const [mask] = await d
      .select()
      .from(propagatedMasks)
      .where(eq(propagatedMasks.observationId, out.observationId));
    expect(mask).toMatchObject({ imageSeriesId: petId, voxelCount: 33 });
    const bytes = await fs.readFile(path.join(db.dataDir, mask!.storedPath));
    expect(bytes).toHaveLength(125);
    expect(bytes.filter((v) => v === 1)).toHaveLength(33);
  });

  it('refuses a click on the background and stores nothing', async () => {
    const d = db.handle.db;
    const before = (await d.select().from(lesionObservations)).length;
    const run = outlineLesionHere(d, db.dataDir, { seriesId: petId, seed: [10, 10, 16] }, 't');

    await expect(run).rejects.toThrow(/below the threshold/);
    expect(await d.select().from(lesionObservations)).toHaveLength(before);
    expect(await d.select().from(lesionOutlines)).toHaveLength(1);
  });
});
