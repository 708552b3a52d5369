/**
 * Series registration on a phantom patient whose MR maps were acquired in a session of
 * their own (`separateMrFrame`): tracking registers them to each timepoint's CT, the
 * transform meets the generator's poses at the true lesion centroids, and the ADC read
 * through it matches the truth as well as when the MR shares the CT's frame, where the
 * identity (what the code did before) misses by far.
 *
 * PGlite only: nothing here depends on the database engine, and each run registers
 * every timepoint twice (CT to baseline, MR to CT).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  segmentMasks, series, seriesRegistrations, signalValues, studies, timepoints, volumes,
} from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { createContext } from '@/server/api/trpc';
import type { ImageVolume } from '@/server/imaging/image';
import { gridInCtFrame } from '@/server/masks/series-frame';
import { transferMask, type CroppedMask } from '@/server/masks/transfer';
import { runIngest } from '@/server/ingest/pipeline';
import { expandSources } from '@/server/ingest/sources';
import { generateCohort } from '@/server/phantom/cohort';
import type { GroundTruth, PatientTruth, TimepointTruth } from '@/server/phantom/ground-truth';
import { toModel, toScanner } from '@/server/phantom/pose';
import { computeLesionSignals } from '@/server/signals';
import { readMasks, readSeries } from '@/server/signals/__tests__/phantom-load';
import { computePatientSignals } from '@/server/signals-store';
import { readImage } from '@/server/signals-store/images';
import { openTestDatabase, type TestDatabase } from '@/server/testing/databases';
import { FAST_TRACKING } from '@/server/testing/phantom-cohort';
import { applyMatrix } from '@/server/tracking/affine';

import { loadLesionTable, trackPatient, tracksDocument } from '..';
import { alignSeries, storeSeriesAlignments } from '../align-series';
import { loadPatientInputs } from '../load-patient';

// HM-0002 is the cohort's multimodal patient (every second patient has MR maps).
const PATIENT = 'HM-0002';
const SEED = 11;

let separateDir: string;
let sharedDir: string;
let patient: PatientTruth;
let db: TestDatabase;

async function cohort(dir: string, separateMrFrame: boolean): Promise<GroundTruth> {
  await generateCohort({ outDir: dir, patients: 2, seed: SEED, size: 'small', separateMrFrame });

  return JSON.parse(await fs.readFile(path.join(dir, 'ground-truth.json'), 'utf8'));
}

beforeAll(async () => {
  separateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-mr-frame-'));
  sharedDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-mr-shared-'));
  const truth = await cohort(separateDir, true);
  await cohort(sharedDir, false);
  patient = truth.patients.find((p) => p.patientId === PATIENT)!;
  db = await openTestDatabase('pglite');
  const sources = await expandSources([path.join(separateDir, 'dicom', PATIENT)]);
  await runIngest(sources.files, sources.rejected, {
    db: db.handle.db, dataDir: db.dataDir, source: 'cli',
  });
}, 180_000);
afterAll(async () => {
  await db?.dispose();
  await fs.rm(separateDir, { recursive: true, force: true });
  await fs.rm(sharedDir, { recursive: true, force: true });
});

/** Truth: CT point ↦ MR point, through the baseline frame of the patient model. */
function trueCtToMr(tp: TimepointTruth, ctPoint: [number, number, number]) {
  return toScanner(tp.mrSession!.pose, toModel(tp.pose, ctPoint));
}

/** Mean of the image over a cropped mask on its grid; NaN (never close) when empty. */
function meanUnder(image: ImageVolume, mask: CroppedMask): number {
  const [i0 = 0, j0 = 0, k0 = 0, i1 = -1, j1 = -1] = mask.bbox;
  const [nx, ny] = [i1 - i0 + 1, j1 - j0 + 1];
  let [sum, n] = [0, 0];
  mask.data.forEach((v, m) => {
    if (!v) return;
    const i = i0 + (m % nx);
    const j = j0 + (Math.floor(m / nx) % ny);
    const k = k0 + Math.floor(m / (nx * ny));
    sum += image.data[(k * image.size[1] + j) * image.size[0] + i] ?? 0;
    n++;
  });

  return sum / n;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Lesions whose mean ADC is a fair test: not lung (ADC 200 around), no core, 8+ voxels. */
function fairLesions(tp: TimepointTruth) {
  return tp.lesions.filter((l) => {
    const organ = patient.lesions.find((t) => t.lesionId === l.lesionId)!.organ;

    return l.present && !l.core && l.voxelCount >= 8 && organ !== 'lung' &&
      l.segmentLabel !== null;
  });
}

async function storedAdcErrors(): Promise<{ errors: number[]; notes: string[] }> {
  const rows = await db.handle.db
    .select({ date: timepoints.date, label: segmentMasks.label, value: signalValues.value,
      settings: signalValues.settings })
    .from(signalValues)
    .innerJoin(segmentMasks, eq(segmentMasks.id, signalValues.segmentMaskId))
    .innerJoin(timepoints, eq(timepoints.id, signalValues.timepointId))
    .where(eq(signalValues.signalId, 'adc-mean'));
  const errors: number[] = [];
  const notes: string[] = [];
  for (const tp of patient.timepoints) {
    for (const lesion of fairLesions(tp)) {
      const row = rows.find((r) => r.date === tp.date && r.label === lesion.segmentLabel);
      // A lesion carried off the MR entirely has no value; count it as fully wrong.
      errors.push(row?.value == null ? 1 : Math.abs(row.value / lesion.adcModel - 1));
      notes.push(String(row?.settings?.seriesFrame ?? ''));
    }
  }

  return { errors, notes };
}

/** The same lesions measured by the engine on the cohort whose MR shares the CT's frame. */
async function sharedFrameAdcErrors(): Promise<number[]> {
  const shared = patient.timepoints.map((tp) => tp.index);
  const truth: GroundTruth = JSON.parse(
    await fs.readFile(path.join(sharedDir, 'ground-truth.json'), 'utf8'));
  const same = truth.patients.find((p) => p.patientId === PATIENT)!;

  return shared.flatMap((index) => {
    const tp = same.timepoints[index]!;
    const ct = readSeries(sharedDir, tp.series.ct);
    const adc = { seriesUid: 'adc', image: readSeries(sharedDir, tp.series.adc!) };
    const masks = readMasks(sharedDir, tp, ct);

    return fairLesions(tp).map((lesion) => {
      const mask = masks.get(lesion.segmentNumber!)!;
      const signals = computeLesionSignals({ mask, maskSeries: 'ct', adc });
      const value = signals.values.find((v) => v.signalId === 'adc-mean')?.value;

      return value === undefined ? 1 : Math.abs(value / lesion.adcModel - 1);
    });
  });
}

describe('series registration of MR maps in their own frame', () => {
  let registered: { errors: number[]; notes: string[] };

  beforeAll(async () => {
    const summary = await trackPatient(db.handle.db, db.dataDir, PATIENT, FAST_TRACKING);
    expect(summary.failedSeriesRegistrations).toBe(0);
    await computePatientSignals(db.handle.db, db.dataDir, PATIENT);
    registered = await storedAdcErrors();
  }, 300_000);

  it('stores one rigid registration per MR session, shared with the other map', async () => {
    const rows = await db.handle.db
      .select({ reg: seriesRegistrations, uid: series.seriesInstanceUid })
      .from(seriesRegistrations).innerJoin(series, eq(series.id, seriesRegistrations.seriesId));
    const multimodal = patient.timepoints.filter((tp) => tp.mrSession);

    expect(multimodal.length).toBe(patient.timepoints.length);
    expect(rows).toHaveLength(2 * multimodal.length);
    for (const tp of multimodal) {
      const mine = rows.filter((r) =>
        [tp.series.adc!.seriesInstanceUid, tp.series.ktrans!.seriesInstanceUid].includes(r.uid));
      expect(mine.map((r) => r.reg.method).sort())
        .toEqual(['elastix-rigid', 'shared-frame-of-reference']);
      expect(mine.every((r) => r.reg.status === 'ok')).toBe(true);
      expect(mine[0]!.reg.matrix).toEqual(mine[1]!.reg.matrix);
    }
  });

  it('meets the true MR pose at lesion centroids: median under 2 mm, max under 3', async () => {
    const rows = await db.handle.db
      .select({ reg: seriesRegistrations, uid: series.seriesInstanceUid })
      .from(seriesRegistrations).innerJoin(series, eq(series.id, seriesRegistrations.seriesId));
    const residuals: number[] = [];
    const identityMisses: number[] = [];
    for (const tp of patient.timepoints) {
      const row = rows.find((r) => r.uid === tp.series.adc!.seriesInstanceUid)!;
      for (const lesion of tp.lesions.filter((l) => l.present)) {
        const c = lesion.centroidScannerMm!;
        const truth = trueCtToMr(tp, c);
        const found = applyMatrix(row.reg.matrix, c);
        residuals.push(Math.hypot(...found.map((v, a) => v - truth[a]!)));
        identityMisses.push(Math.hypot(...c.map((v, a) => v - truth[a]!)));
      }
    }
    console.info(`series registration residual at ${residuals.length} lesion centroids: ` +
      `median ${median(residuals).toFixed(2)} mm, max ${Math.max(...residuals).toFixed(2)} mm; ` +
      `identity would miss by median ${median(identityMisses).toFixed(1)} mm`);

    expect(residuals.length).toBeGreaterThan(5);
    expect(median(residuals)).toBeLessThan(2);
    expect(Math.max(...residuals)).toBeLessThan(3);
    expect(median(identityMisses)).toBeGreaterThan(10);
  });

  it('reads lesion ADC as well as in a shared frame, and says it was registered', async () => {
    const shared = await sharedFrameAdcErrors();
    console.info(`ADC mean relative error, median over ${registered.errors.length} lesions: ` +
      `registered ${median(registered.errors).toFixed(3)} (mean ` +
      `${mean(registered.errors).toFixed(3)}), shared frame ` +
      `${median(shared).toFixed(3)} (mean ${mean(shared).toFixed(3)})`);

    expect(registered.errors.length).toBeGreaterThan(4);
    expect(registered.errors).toHaveLength(shared.length);
    expect(median(registered.errors)).toBeLessThan(median(shared) + 0.02);
    // Nearest-neighbour transfer onto 6 mm MR voxels picks other boundary voxels through a
    // slightly different pose, so single lesions differ either way; on average they agree.
    expect(mean(registered.errors)).toBeLessThan(mean(shared) + 0.02);
    expect(registered.notes.every((n) => n.startsWith('registered'))).toBe(true);
  });

  it('shows each series registration under its timepoint in `hallmark tracks --json`', async () => {
    const doc = tracksDocument(await loadLesionTable(db.handle.db, PATIENT));

    for (const t of doc.timepoints) {
      expect(t.registration.series.map((s) => s.status)).toEqual(['ok', 'ok']);
    }

    // The lesion table gets the same list through its procedure and badges each series.
    const caller = createCaller(createContext(db.handle.db, db.dataDir));
    const table = await caller.tracking.table({ patientId: PATIENT });
    expect(table.timepoints.flatMap((t) => t.registration.series.map((s) => s.modality)))
      .toEqual(doc.timepoints.flatMap((t) => t.registration.series.map(() => 'MR')));
  });

  it('carries a SEG mask onto the MR through the registration for the viewer', async () => {
    const masks = await db.handle.db
      .select({ mask: segmentMasks, date: timepoints.date })
      .from(segmentMasks)
      .innerJoin(series, eq(series.id, segmentMasks.imageSeriesId))
      .innerJoin(studies, eq(studies.id, series.studyId))
      .innerJoin(timepoints, eq(timepoints.id, studies.timepointId));
    const grids = await db.handle.db.select({ volume: volumes, uid: series.seriesInstanceUid })
      .from(volumes).innerJoin(series, eq(series.id, volumes.seriesId));
    const through = { registered: [] as number[], identity: [] as number[] };
    for (const tp of patient.timepoints) {
      const adc = grids.find((g) => g.uid === tp.series.adc!.seriesInstanceUid)!.volume;
      const image = await readImage(db.dataDir, adc);
      for (const lesion of fairLesions(tp)) {
        const { mask } = masks.find((m) => m.date === tp.date &&
          m.mask.label === lesion.segmentLabel)!;
        const source = grids.find((g) => g.volume.seriesId === mask.imageSeriesId)!.volume;
        const crop = { bbox: mask.bbox, data: new Uint8Array(
          await fs.readFile(path.join(db.dataDir, mask.storedPath))) };
        const from = await gridInCtFrame(db.handle.db, source.seriesId, source);
        const to = await gridInCtFrame(db.handle.db, adc.seriesId, adc);
        expect(to.frame).toBe('registered');
        const error = (m: CroppedMask) => Math.abs(meanUnder(image, m) / lesion.adcModel - 1);
        through.registered.push(error(transferMask(crop, from.geometry, to.geometry)));
        through.identity.push(error(transferMask(crop, source, adc)));
      }
    }

    expect(median(through.registered)).toBeLessThan(median(registered.errors) + 0.02);
    expect(median(through.identity)).toBeGreaterThan(3 * median(through.registered) + 0.1);
  });

  it('reads far worse with the identity, and flags every such value', async () => {
    await db.handle.db.delete(seriesRegistrations);
    await computePatientSignals(db.handle.db, db.dataDir, PATIENT);
    const identity = await storedAdcErrors();
    console.info(`ADC mean relative error with the identity: median ` +
      `${median(identity.errors).toFixed(3)}`);

    expect(median(identity.errors)).toBeGreaterThan(3 * median(registered.errors) + 0.1);
    expect(identity.notes.every((n) => n.startsWith('unregistered'))).toBe(true);
    const flagged = await db.handle.db.select().from(signalValues)
      .where(and(eq(signalValues.signalId, 'ktrans-mean')));
    expect(flagged.filter((v) => v.value !== null)
      .every((v) => String(v.settings?.seriesFrame).startsWith('unregistered'))).toBe(true);
  });

  it('stores a failed registration with its reason and flags values read through it', async () => {
    const inputs = await loadPatientInputs(db.handle.db, PATIENT);
    // An unknown elastix component fails every registration at once, as a broken install would.
    const failing = await alignSeries(db.dataDir, inputs, {
      ...FAST_TRACKING.registration, inProcess: true, overrides: { Transform: ['NoSuchTransform'] },
    });
    await storeSeriesAlignments(db.handle.db, inputs.patientRowId, failing);
    await computePatientSignals(db.handle.db, db.dataDir, PATIENT);
    const doc = tracksDocument(await loadLesionTable(db.handle.db, PATIENT));
    const listed = doc.timepoints.flatMap((t) => t.registration.series);
    const { notes } = await storedAdcErrors();

    expect(listed).toHaveLength(2 * patient.timepoints.length);
    for (const s of listed) {
      expect(s).toMatchObject({ status: 'failed', method: 'fallback-identity',
        matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0] });
      expect(s.reason).toMatch(/^Could not register to the CT \(MR series \d+ .*Elastix could/);
      expect(s.reason).toMatch(/as if it were the CT's: review its values\.$/);
    }
    expect(notes.every((n) => n.startsWith('unregistered, identity used: Could not register')))
      .toBe(true);
  });
});
