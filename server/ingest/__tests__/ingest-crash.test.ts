import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Db } from '@/db/client';
import { openDatabase } from '@/db/client';
import { ingestJobs, instances, series, volumes } from '@/db/schema';
import { generateCohort } from '@/server/phantom/cohort';
import { bytesPerVoxel } from '@/server/storage/volumes';

import { runIngest } from '../pipeline';
import { recoverInterruptedJobs } from '../recover';
import { expandSources } from '../sources';

/**
 * A crash in the middle of an ingest must leave only whole series behind. The CLI is
 * killed with SIGKILL (no clean-up runs) while it assembles series; the database is
 * then opened again (taking over the dead process's lock) and checked.
 */
const root = path.resolve(import.meta.dirname, '../../..');
let work: string;
let cohort: string;
let dataDir: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-crash-'));
  cohort = path.join(work, 'cohort');
  dataDir = path.join(work, 'data');
  await generateCohort({ outDir: cohort, patients: 2, seed: 3, size: 'small' });
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

function ingestUntilSeries(count: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'cli/bin.mjs'), 'ingest', path.join(cohort, 'dicom')],
    { cwd: root, env: { ...process.env, HALLMARK_DATA_DIR: dataDir, HALLMARK_LOG_LEVEL: 'error' } },
  );

  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      const match = /series (\d+)\/\d+/.exec(chunk.toString());
      if (match && Number(match[1]) >= count) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`ingest ended first (${code})`)),
    );
  });
}

async function checkWholeSeries(db: Db): Promise<number> {
  const rows = await db
    .select({
      id: series.id,
      type: series.seriesType,
      expected: series.instanceCount,
      // Qualified by hand: inside a one-table select Drizzle leaves series.id unqualified.
      stored: sql<number>`(select count(*)::int from instances i where i.series_id = series.id)`,
    })
    .from(series);
  for (const row of rows) {
    expect(row.stored).toBe(row.expected);
    if (row.type === 'SEG') continue;
    const [volume] = await db.select().from(volumes).where(eq(volumes.seriesId, row.id));
    const [nx, ny, nz] = volume?.size ?? [0, 0, 0];
    const stat = await fs.stat(path.join(dataDir, volume?.storedPath ?? 'missing'));
    expect(stat.size).toBe(nx * ny * nz * bytesPerVoxel(volume?.pixelType ?? 'uint8'));
  }
  const files = await db.select({ p: instances.storedPath }).from(instances);
  for (const f of files) await fs.access(path.join(dataDir, f.p));

  return rows.length;
}

describe('an ingest killed mid-way', () => {
  it('leaves whole series only, and a second run completes the rest', async () => {
    await ingestUntilSeries(4);

    const handle = await openDatabase({ dataDir, purpose: 'crash check' });
    try {
      const committed = await checkWholeSeries(handle.db);
      expect(committed).toBeGreaterThanOrEqual(3);

      expect(await recoverInterruptedJobs(handle, dataDir)).toBe(1);
      const [job] = await handle.db.select().from(ingestJobs);
      expect(job?.status).toBe('failed');
      expect(job?.error).toMatch(/^Interrupted/);
      expect(await fs.readdir(path.join(dataDir, 'staging'))).toEqual([]);

      const sources = await expandSources([path.join(cohort, 'dicom')]);
      const summary = await runIngest(sources.files, sources.rejected, {
        db: handle.db,
        dataDir,
        source: 'cli',
      });
      expect(summary.rejected).toEqual([]);
      expect(summary.ingested + summary.unchanged).toBe(sources.files.length);
      expect(summary.unchanged).toBeGreaterThan(0);
      expect(await checkWholeSeries(handle.db)).toBeGreaterThan(committed);
    } finally {
      await handle.close();
    }
  });
});
