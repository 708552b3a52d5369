/**
 * signals.start and signals.status in-process on an ingested phantom patient: the run
 * goes on after the request returns, reports each timepoint, stores the values, and a
 * broken data folder ends it with a message a person can act on.
 */
import fs from 'node:fs/promises';

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { patients, signalValues, volumes } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { pgliteDatabase, type TestDatabase } from '@/server/testing/databases';
import { generateTestCohort, ingestCohort, type TestCohort } from '@/server/testing/phantom-cohort';
import { resolveData } from '@/server/storage/volumes';

let cohort: TestCohort;
let db: TestDatabase;
let caller: ReturnType<typeof createCaller>;
let patientId: string;

beforeAll(async () => {
  cohort = await generateTestCohort({ patients: 1, seed: 11 });
  db = await pgliteDatabase();
  await ingestCohort(cohort, db.handle.db, db.dataDir);
  caller = createCaller(createContext(db.handle.db, db.dataDir));
  patientId = cohort.truth.patients[0]!.patientId;
}, 180_000);
afterAll(async () => {
  await db?.dispose();
  await cohort?.dispose();
});

/** Polls status until the run is over; returns every timepoint number it reported. */
async function follow(): Promise<number[]> {
  const seen: number[] = [];
  await vi.waitFor(async () => {
    const job = await caller.signals.status({ patientId });
    if (job?.progress) seen.push(job.progress.timepoint);
    expect(job?.state).toMatch(/done|failed/);
  }, { timeout: 180_000, interval: 50 });

  return [...new Set(seen)];
}

describe('signals computed in the background', () => {
  it('refuses a patient that does not exist before queuing anything', async () => {
    await expect(caller.signals.start({ patientId: 'nobody' })).rejects.toThrow(
      'No patient nobody: check the id with `hallmark patients`.');
    expect(await caller.signals.status({ patientId: 'nobody' })).toBeNull();
  });

  it('answers at once, reports timepoints as it goes and stores the values', async () => {
    const timepoints = cohort.truth.patients[0]!.timepoints.length;
    const job = await caller.signals.start({ patientId });
    const again = await caller.signals.start({ patientId });

    expect(job?.state).toMatch(/queued|running/);
    expect(again?.startedAt).toBe(job?.startedAt);
    const seen = await follow();
    const status = await caller.signals.status({ patientId });
    const doc = await caller.signals.dashboard({ patientId });

    expect(status?.state).toBe('done');
    expect(status?.progress).toMatchObject({ timepoint: timepoints, timepoints });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(doc.run?.maskCount).toBeGreaterThan(0);
    expect(doc.values.some((v) => v.signalId === 'fdg-suvmax' && v.value !== null)).toBe(true);
  }, 240_000);

  it('fails saying what to do when a stored image is missing; stored values stay', async () => {
    const [patient] = await db.handle.db.select().from(patients)
      .where(eq(patients.patientId, patientId));
    const before = await db.handle.db.select().from(signalValues)
      .where(eq(signalValues.patientId, patient!.id));
    const [volume] = await db.handle.db.select().from(volumes);
    await fs.rm(resolveData(db.dataDir, volume!.storedPath));

    await caller.signals.start({ patientId });
    await follow();
    const status = await caller.signals.status({ patientId });
    const after = await db.handle.db.select().from(signalValues)
      .where(eq(signalValues.patientId, patient!.id));

    expect(status?.state).toBe('failed');
    expect(status?.error).toBe(`The stored file ${volume!.storedPath} is missing from the ` +
      'data folder; ingest the study again to rebuild it.');
    // Timepoints are replaced one by one; the one that failed keeps its earlier rows.
    expect(after.length).toBe(before.length);
  }, 240_000);
});
