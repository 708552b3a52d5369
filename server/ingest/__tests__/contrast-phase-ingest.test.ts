/**
 * Contrast phases through ingest and the series procedures: the phantom's contrast-tagged
 * CT and its unenhanced CT get their phases; a reader's choice survives re-assembly.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import { generateCohort } from '@/server/phantom/cohort';
import type { GroundTruth, TimepointTruth } from '@/server/phantom/ground-truth';
import { pgliteDatabase, type TestDatabase } from '@/server/testing/databases';

import { runIngest } from '../pipeline';
import { expandSources } from '../sources';

let dir: string;
let truth: GroundTruth;
let db: TestDatabase;
let caller: ReturnType<typeof createCaller>;
/** One unenhanced CT slice, held back from the first ingest. */
let heldBack: { from: string; to: string };

async function ingest() {
  const sources = await expandSources([path.join(dir, 'dicom')]);
  await runIngest(sources.files, sources.rejected, {
    db: db.handle.db,
    dataDir: db.dataDir,
    source: 'cli',
  });
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-phases-'));
  await generateCohort({ outDir: dir, patients: 1, seed: 3, size: 'small', unenhancedCt: true });
  truth = JSON.parse(await fs.readFile(path.join(dir, 'ground-truth.json'), 'utf8'));
  const folder = path.join(dir, truth.patients[0]!.timepoints[0]!.series.ctUnenhanced!.directory);
  const slice = (await fs.readdir(folder)).sort()[0]!;
  heldBack = { from: path.join(folder, slice), to: path.join(dir, slice) };
  await fs.rename(heldBack.from, heldBack.to);

  db = await pgliteDatabase();
  caller = createCaller(createContext(db.handle.db, db.dataDir));
  await ingest();
}, 120_000);

afterAll(async () => {
  await db?.dispose();
  await fs.rm(dir, { recursive: true, force: true });
});

async function seriesOf(tp: TimepointTruth) {
  const detail = await caller.patients.detail({ patientId: truth.patients[0]!.patientId });
  const all = detail.timepoints.flatMap((t) => t.series);
  const find = (uid: string) => all.find((s) => s.seriesInstanceUid === uid)!;

  return {
    ct: find(tp.series.ct.seriesInstanceUid),
    unenhanced: find(tp.series.ctUnenhanced!.seriesInstanceUid),
    pet: find(tp.series.fdgPet.seriesInstanceUid),
  };
}

describe('contrast phase of ingested CTs', () => {
  it('reads the contrast agent and the non-contrast description', async () => {
    for (const tp of truth.patients[0]!.timepoints) {
      const { ct, unenhanced, pet } = await seriesOf(tp);

      expect([ct.contrastPhase, ct.contrastPhaseSource]).toEqual(['enhanced', 'auto']);
      expect([unenhanced.contrastPhase, unenhanced.contrastPhaseSource]).toEqual([
        'unenhanced',
        'auto',
      ]);
      expect(pet.contrastPhase).toBeNull();
    }
  });

  it("keeps a reader's phase when the series is assembled again with more files", async () => {
    const tp = truth.patients[0]!.timepoints[0]!;
    const before = await seriesOf(tp);
    await caller.series.setContrastPhase({ id: before.unenhanced.id, phase: null });
    await fs.rename(heldBack.to, heldBack.from);
    await ingest();
    const after = await seriesOf(tp);

    expect(after.unenhanced.instanceCount).toBe(before.unenhanced.instanceCount + 1);
    expect([after.unenhanced.contrastPhase, after.unenhanced.contrastPhaseSource]).toEqual([
      null,
      'user',
    ]);
    expect(after.ct.contrastPhase).toBe('enhanced');
  });

  it('refuses a contrast phase for a series that is not CT', async () => {
    const { pet } = await seriesOf(truth.patients[0]!.timepoints[0]!);

    await expect(caller.series.setContrastPhase({ id: pet.id, phase: 'enhanced' })).rejects.toThrow(
      'Only a CT series has a contrast phase.',
    );
  });
});
