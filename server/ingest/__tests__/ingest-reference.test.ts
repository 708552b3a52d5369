import fs from 'node:fs/promises';
import path from 'node:path';

import { eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { instances, segmentMasks, series, volumes } from '@/db/schema';
import { dataFolder } from '@/server/testing/shared-data';
import { readVolume } from '@/server/storage/volumes';
import type { TestDatabase } from '@/server/testing/databases';
import { openTestDatabase } from '@/server/testing/databases';

import { runIngest } from '../pipeline';
import { expandSources } from '../sources';
import { absurdDimensions, alteredPixels, lyingLength, truncated } from './bad-files';

/**
 * Ingest of real scanner files: the IBSI CT phantom (60 slices of a lung cancer CT and
 * an RTSTRUCT), plus broken copies of its slices.
 */
const phantom = dataFolder('ibsi1/ct_phantom_pat1/dicom');

describe.skipIf(!phantom.present)('ingest of the IBSI CT phantom', () => {
  let db: TestDatabase;
  let work: string;

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    work = path.join(db.dataDir, 'inputs');
    await fs.mkdir(work, { recursive: true });
  });
  afterAll(() => db.dispose());

  const ingest = async (...inputs: string[]) => {
    const sources = await expandSources(inputs);

    return runIngest(sources.files, sources.rejected, {
      db: db.handle.db,
      dataDir: db.dataDir,
      source: 'cli',
    });
  };

  it('assembles the 60 slices and rasterises the RTSTRUCT GTV onto them', async () => {
    const summary = await ingest(phantom.folder);

    expect(summary.rejected).toEqual([]);
    expect(summary.ingested).toBe(61);
    expect(summary.patients).toEqual([{ patientId: expect.any(String), timepoints: 1, series: 2 }]);
    // The phantom's own NIfTI mask of this GTV holds 125,256 voxels on the same grid.
    const masks = await db.handle.db.select().from(segmentMasks);
    expect(masks.map((m) => [m.label, m.voxelCount])).toEqual([['GTV-1', 125256]]);

    const [row] = await db.handle.db.select().from(volumes);
    // The manual gives the phantom as 204 x 201 voxels of 0.977 mm, 60 slices of 3 mm.
    expect(row?.size).toEqual([204, 201, 60]);
    expect(row?.spacingMm[0]).toBeCloseTo(0.977, 3);
    expect(row?.spacingMm[2]).toBeCloseTo(3.0, 3);
    expect(row?.report.missingSlices).toBe(0);
  });

  it('stores pixels that read back as HU', async () => {
    const [row] = await db.handle.db.select().from(volumes);
    if (!row) throw new Error('no volume');
    const volume = await readVolume(path.join(db.dataDir, row.storedPath), row, row.pixelType);

    // Air around the patient is about -1000 HU; the corner voxel is outside the body.
    expect(volume.data[0]).toBeLessThan(-900);
    expect(row.minValue).toBeGreaterThanOrEqual(-1100);
    expect(row.maxValue).toBeGreaterThan(500);
  });

  it('changes nothing when the same files come again', async () => {
    const before = await db.handle.db.select({ id: volumes.id }).from(volumes);
    const summary = await ingest(phantom.folder);

    expect(summary.ingested).toBe(0);
    expect(summary.unchanged).toBe(61);
    expect(await db.handle.db.select({ id: volumes.id }).from(volumes)).toEqual(before);
  });

  it('refuses broken and conflicting files one by one, keeping the good ones', async () => {
    const slice = new Uint8Array(
      await fs.readFile(path.join(phantom.folder, 'image', 'DCM_IMG_00000.dcm')),
    );
    const files: Record<string, Uint8Array> = {
      'truncated.dcm': truncated(slice),
      'lying-length.dcm': lyingLength(slice),
      'absurd.dcm': absurdDimensions(slice),
      'conflict.dcm': alteredPixels(slice),
      'notes.txt': new TextEncoder().encode('not a scan'),
      'empty.dcm': new Uint8Array(0),
    };
    for (const [name, bytes] of Object.entries(files)) {
      await fs.writeFile(path.join(work, name), bytes);
    }
    await fs.writeFile(
      path.join(work, 'archive.zip'),
      zipSync({ '../escape.dcm': slice, 'inside/same.dcm': slice }),
    );

    const summary = await ingest(work);
    const reasons = Object.fromEntries(
      summary.rejected.map((r) => [path.basename(r.path.split('!').at(-1) ?? ''), r.reason]),
    );

    expect(Object.keys(reasons).sort()).toEqual([
      'absurd.dcm',
      'conflict.dcm',
      'empty.dcm',
      'escape.dcm',
      'lying-length.dcm',
      'notes.txt',
      'truncated.dcm',
    ]);
    expect(reasons['conflict.dcm']).toMatch(/^Conflict: SOP Instance UID .* already stored/);
    expect(reasons['escape.dcm']).toBe('Entry path escapes the archive folder (absolute or "..").');
    for (const reason of Object.values(reasons)) expect(reason.length).toBeGreaterThan(10);
    // The identical slice inside the zip is recognised, not stored twice.
    expect(summary.unchanged).toBe(1);
    expect(summary.rejected.find((r) => r.path.includes('escape'))?.path).toContain('archive.zip!');

    const stored = await db.handle.db.select({ id: instances.id }).from(instances);
    expect(stored).toHaveLength(61);
  });

  it('keeps the stored file when a conflicting one arrives', async () => {
    const [ct] = await db.handle.db.select().from(series).where(eq(series.modality, 'CT'));
    expect(ct?.instanceCount).toBe(60);
  });
});
