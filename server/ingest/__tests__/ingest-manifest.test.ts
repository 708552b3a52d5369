import fs from 'node:fs/promises';
import path from 'node:path';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { segmentMasks, series, timepoints, volumes } from '@/db/schema';
import type { ImageVolume } from '@/server/imaging/image';
import { createImage } from '@/server/imaging/image';
import { writeNifti } from '@/server/imaging/nifti';
import { writeNrrd } from '@/server/imaging/nrrd';
import type { TestDatabase } from '@/server/testing/databases';
import { openTestDatabase } from '@/server/testing/databases';

import { parseManifest } from '../manifest-parse';
import { runIngest } from '../pipeline';

/** Research data through a manifest: NIfTI and NRRD images with a label map. */
let db: TestDatabase;
let dir: string;

// An oblique-free but flipped geometry: the i axis runs towards the patient's right
// (-x in LPS), so a reader that drops the RAS/LPS sign would move the volume.
const geometry = {
  size: [8, 6, 4] as [number, number, number],
  spacingMm: [1.5, 2, 3] as [number, number, number],
  originMm: [40, -25, 100] as [number, number, number],
  direction: [-1, 0, 0, 0, 1, 0, 0, 0, 1] as ImageVolume['direction'],
};

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  dir = path.join(db.dataDir, 'research');
  await fs.mkdir(dir, { recursive: true });

  const ct = createImage(geometry, 'int16');
  ct.data.forEach((_, n) => (ct.data[n] = (n % 50) - 20));
  const labels = createImage(geometry, 'uint8');
  for (let n = 0; n < 10; n++) labels.data[n] = 1; // label 1: 10 voxels
  for (let n = 100; n < 103; n++) labels.data[n] = 2; // label 2: 3 voxels
  const pet = createImage(geometry, 'float32');
  pet.data.fill(1.5);

  await fs.writeFile(path.join(dir, 'ct.nii.gz'), writeNifti(ct, { gzip: true }));
  await fs.writeFile(path.join(dir, 'labels.nii.gz'), writeNifti(labels, { gzip: true }));
  await fs.writeFile(path.join(dir, 'pet.nrrd'), writeNrrd(pet));
  await fs.writeFile(
    path.join(dir, 'manifest.csv'),
    [
      'patient,date,series_type,tracer,image,mask,units',
      'R-01,2025-01-10,CT,,ct.nii.gz,labels.nii.gz,',
      'R-01,2025-01-10,PT,FDG,pet.nrrd,,SUV',
      'R-01,2025-13-01,CT,,ct.nii.gz,,',
      'R-01,2025-03-01,CT,,missing.nii.gz,,',
    ].join('\n'),
  );
});
afterAll(() => db.dispose());

async function ingestManifest() {
  const file = path.join(dir, 'manifest.csv');
  const parsed = parseManifest(await fs.readFile(file, 'utf8'), file);

  return runIngest([], parsed.errors, {
    db: db.handle.db,
    dataDir: db.dataDir,
    source: 'cli',
    manifestRows: parsed.rows,
  });
}

describe('manifest ingest', () => {
  it('ingests good rows, refuses bad ones with the row and field named', async () => {
    const summary = await ingestManifest();

    expect(summary.ingested).toBe(3);
    expect(summary.rejected.map((r) => r.reason)).toEqual([
      'Manifest row 3: date: not a calendar date',
      expect.stringMatching(/missing\.nii\.gz: cannot be read/),
    ]);
    expect(summary.patients).toEqual([{ patientId: 'R-01', timepoints: 1, series: 3 }]);
  });

  it('keeps the LPS geometry of the file through RAS and back', async () => {
    const [ct] = await db.handle.db
      .select({ volume: volumes })
      .from(volumes)
      .innerJoin(series, eq(series.id, volumes.seriesId))
      .where(eq(series.seriesType, 'CT'));

    expect(ct?.volume.size).toEqual(geometry.size);
    expect(ct?.volume.spacingMm).toEqual(geometry.spacingMm);
    ct?.volume.originMm.forEach((v, i) => expect(v).toBeCloseTo(geometry.originMm[i] ?? 0, 4));
    ct?.volume.direction.forEach((v, i) => expect(v).toBeCloseTo(geometry.direction[i] ?? 0, 6));
  });

  it('turns each label into a lesion mask on the image grid', async () => {
    const masks = await db.handle.db.select().from(segmentMasks);

    expect(masks.map((m) => [m.label, m.voxelCount]).sort()).toEqual([
      ['Label 1', 10],
      ['Label 2', 3],
    ]);
  });

  it('takes PET values as SUV only when the manifest says so', async () => {
    const [pet] = await db.handle.db.select().from(series).where(eq(series.modality, 'PT'));

    expect(pet?.tracer).toBe('FDG');
    expect(pet?.suv).toMatchObject({ available: true, suvBwFactor: 1 });
  });

  it('changes nothing when the manifest is ingested again', async () => {
    const summary = await ingestManifest();

    expect(summary.ingested).toBe(0);
    expect(summary.unchanged).toBe(3);
    expect(await db.handle.db.select().from(timepoints)).toHaveLength(1);
  });
});
