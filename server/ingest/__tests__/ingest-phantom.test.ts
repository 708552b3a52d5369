import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { segmentMasks, series, timepoints } from '@/db/schema';
import { generateCohort } from '@/server/phantom/cohort';
import type { GroundTruth } from '@/server/phantom/ground-truth';
import { listPatientsForExport } from '@/server/patients/export';
import type { TestDatabase } from '@/server/testing/databases';
import { databaseKinds, openTestDatabase } from '@/server/testing/databases';
import { importTherapy } from '@/server/therapy/import';
import { parseTherapyText } from '@/server/therapy/parse';

import { runIngest } from '../pipeline';
import { expandSources } from '../sources';

/**
 * The whole ingest path on a generated cohort, against its ground truth, on the
 * embedded database and on the PostgreSQL server.
 */
let cohortDir: string;
let truth: GroundTruth;

beforeAll(async () => {
  cohortDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-cohort-'));
  await generateCohort({ outDir: cohortDir, patients: 2, seed: 42, size: 'small' });
  truth = JSON.parse(await fs.readFile(path.join(cohortDir, 'ground-truth.json'), 'utf8'));
});
afterAll(() => fs.rm(cohortDir, { recursive: true, force: true }));

describe.each(await databaseKinds())('ingest of a phantom cohort on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.dispose());

  it('ingests every file and groups the studies into the true timepoints', async () => {
    const sources = await expandSources([path.join(cohortDir, 'dicom')]);
    const summary = await runIngest(sources.files, sources.rejected, {
      db: db.handle.db,
      dataDir: db.dataDir,
      source: 'cli',
    });

    expect(summary.rejected).toEqual([]);
    expect(summary.ingested).toBe(sources.files.length);
    expect(summary.patients.map((p) => [p.patientId, p.timepoints])).toEqual(
      truth.patients.map((p) => [p.patientId, p.timepoints.length]),
    );
  });

  it('lists each timepoint with the series types the generator wrote', async () => {
    const listed = await listPatientsForExport(db.handle.db);

    for (const p of truth.patients) {
      const got = listed.find((l) => l.patientId === p.patientId);
      expect(got?.timepoints.map((t) => t.date)).toEqual(p.timepoints.map((t) => t.date));
      for (const [i, t] of p.timepoints.entries()) {
        const expected = ['CT', 'PT', 'SEG'];
        if (t.series.adc) expected.push('MR_ADC');
        if (t.series.ktrans) expected.push('MR_DCE_KTRANS');
        if (t.series.fmisoPet) expected.push('PT');
        const types = got?.timepoints[i]?.series.map((s) => s.seriesType).sort();
        expect(types).toEqual(expected.sort());
        expect(
          got?.timepoints[i]?.series
            .filter((s) => s.modality === 'PT')
            .every((s) => s.suvAvailable),
        ).toBe(true);
      }
    }
  });

  it('computes the SUV factor the generator used and recognises the tracers', async () => {
    const pets = await db.handle.db.select().from(series).where(eq(series.modality, 'PT'));
    const byUid = new Map(pets.map((s) => [s.seriesInstanceUid, s]));

    for (const t of truth.patients.flatMap((p) => p.timepoints)) {
      const fdg = byUid.get(t.series.fdgPet.seriesInstanceUid);
      expect(fdg?.tracer).toBe('FDG');
      expect(fdg?.suv?.suvBwFactor).toBeCloseTo(t.fdg.suvPerBqml, 9);
      if (t.series.fmisoPet && t.fmiso) {
        const fmiso = byUid.get(t.series.fmisoPet.seriesInstanceUid);
        expect(fmiso?.tracer).toBe('FMISO');
        expect(fmiso?.suv?.suvBwFactor).toBeCloseTo(t.fmiso.suvPerBqml, 9);
      }
    }
  });

  it('maps every SEG segment onto the CT grid with the true voxel count', async () => {
    const masks = await db.handle.db
      .select({
        label: segmentMasks.label,
        voxels: segmentMasks.voxelCount,
        ct: series.seriesInstanceUid,
      })
      .from(segmentMasks)
      .innerJoin(series, eq(series.id, segmentMasks.imageSeriesId));

    for (const t of truth.patients.flatMap((p) => p.timepoints)) {
      const present = t.lesions.filter((l) => l.present && l.segmentLabel);
      const onCt = masks.filter((m) => m.ct === t.series.ct.seriesInstanceUid);
      expect(onCt.map((m) => [m.label, m.voxels]).sort()).toEqual(
        present.map((l) => [l.segmentLabel, l.voxelCount]).sort(),
      );
    }
  });

  it('takes the last scan before therapy as baseline once therapy is imported', async () => {
    const text = await fs.readFile(path.join(cohortDir, 'therapy.csv'), 'utf8');
    const parsed = parseTherapyText(text, 'csv');
    expect(parsed.errors).toEqual([]);
    await importTherapy(db.handle.db, parsed.rows);

    for (const p of truth.patients) {
      const start =
        parsed.rows
          .filter((r) => r.patientId === p.patientId)
          .map((r) => r.start)
          .sort()[0] ?? '';
      const expected =
        p.timepoints.filter((t) => t.date <= start).at(-1)?.date ?? p.timepoints[0]?.date;
      const listed = await listPatientsForExport(db.handle.db);
      const baseline = listed
        .find((l) => l.patientId === p.patientId)
        ?.timepoints.filter((t) => t.baseline);
      expect(baseline?.map((t) => t.date)).toEqual([expected]);
    }
    const all = await db.handle.db.select().from(timepoints);
    expect(all.filter((t) => t.isBaseline)).toHaveLength(truth.patients.length);
  });
});
