/**
 * Lesion tracking against the phantom's ground truth.
 *
 *   npx tsx bench/tracking.ts [--patients N] [--seed S] [--cohorts C] [--drop-seg] [--fast]
 *
 * Generates C phantom cohorts of N patients (seeds S, S+1, ...), ingests each into a
 * temporary embedded database and runs trackPatient on every patient. Printed:
 * - matching F1 over links between consecutive sightings of one true lesion (see
 *   consecutiveLinkScore), with precision and recall;
 * - the registration residual |T(truth at baseline) − truth at follow-up| at every true
 *   lesion centroid of every registered follow-up, median and max, mm;
 * - with --drop-seg, one follow-up SEG per patient is removed before ingest, so its
 *   lesions must be propagated: the relative volume error of each propagated mask against
 *   the true voxel volume, median and max, and how many carry each review flag (a flag
 *   earns its place when the masks it marks are the ones that are off); a lesion absent
 *   from the scan before the dropped one (new, or back after vanishing) has no mask to
 *   carry and is counted apart, not as missed; and the longest diameter minus the true
 *   long axis, for segmented and for propagated cells (RECIST reads diameters);
 * - wall time of trackPatient per patient, median (the machine is shared: read it as a
 *   rough figure).
 * --fast registers at 8 mm with 150 iterations per level, as the tests do; without it
 * the product's default registration settings run.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { segmentMasks } from '../db/schema';
import { runIngest } from '../server/ingest/pipeline';
import { expandSources } from '../server/ingest/sources';
import { loadLesionTable, trackPatient, type LesionTable } from '../server/lesions';
import { residualsMm } from '../server/lesions/__tests__/truth-geometry';
import {
  consecutiveLinkScore, median, truthOfMasks,
} from '../server/lesions/__tests__/truth-scoring';
import { generateCohort } from '../server/phantom/cohort';
import type { GroundTruth, PatientTruth } from '../server/phantom/ground-truth';
import { pgliteDatabase } from '../server/testing/databases';

interface Args {
  patients: number;
  seed: number;
  cohorts: number;
  dropSeg: boolean;
  fast: boolean;
}

interface Tally {
  hits: number;
  predicted: number;
  truth: number;
  residualsMm: number[];
  volumeErrors: number[];
  /** Measured longest diameter − true long axis, mm, by the source of the mask. */
  diameterDeltasMm: Record<string, number[]>;
  /** Review flag ↦ volume errors of the propagated masks that carry it. */
  flaggedErrors: Map<string, number[]>;
  durationsMs: number[];
  missedPropagations: number;
  /** Lesions on a dropped scan but not on the scan before: nothing to carry from. */
  notCarriable: number;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string, fallback: number) => {
    const at = argv.indexOf(name);

    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };

  return {
    patients: value('--patients', 3), seed: value('--seed', 11), cohorts: value('--cohorts', 2),
    dropSeg: argv.includes('--drop-seg'), fast: argv.includes('--fast'),
  };
}

/** Removes the SEG of the last follow-up that has one; returns its timepoint index. */
async function dropOneSeg(cohortDir: string, p: PatientTruth): Promise<number | null> {
  const victim = [...p.timepoints].reverse().find((t) => t.index > 0 && t.series.seg);
  if (!victim?.series.seg) return null;
  await fs.rm(path.dirname(path.join(cohortDir, victim.series.seg.file)), { recursive: true });

  return victim.index;
}

/**
 * For every observation of a true lesion: |propagated − true| / true volume (propagated
 * cells), and longest diameter minus the true long axis (every cell: the segmented ones
 * show what voxel measurement alone adds, the propagated ones what propagation adds).
 */
function observationErrors(table: LesionTable, p: PatientTruth, truthOf: Map<string, string>) {
  const volume: { error: number; flags: string[] }[] = [];
  const diameterMm: Record<'segmentation' | 'propagated' | 'propagated unflagged', number[]> =
    { segmentation: [], propagated: [], 'propagated unflagged': [] };
  for (const lesion of table.lesions) {
    const trueId = lesion.observations.map((o) => truthOf.get(o.segmentMaskId ?? ''))
      .find((id) => id !== undefined);
    for (const o of lesion.observations) {
      if (o.volumeMl === null) continue;
      const t = p.timepoints[o.timepoint]?.lesions.find((l) => l.lesionId === trueId);
      if (!t?.present) continue;
      if (o.longestDiameterMm !== null && t.longAxisMm !== null &&
        (o.source === 'segmentation' || o.source === 'propagated')) {
        diameterMm[o.source].push(o.longestDiameterMm - t.longAxisMm);
        // Every propagated cell needs review; beyond that, a flag says why to doubt it.
        const doubted = o.reviewFlags.some((f) => f !== 'needs-review');
        if (o.source === 'propagated' && !doubted) {
          diameterMm['propagated unflagged'].push(o.longestDiameterMm - t.longAxisMm);
        }
      }
      if (o.source !== 'propagated') continue;
      const trueMl = t.voxelVolumeMl;
      volume.push({ error: Math.abs(o.volumeMl - trueMl) / trueMl, flags: o.reviewFlags });
    }
  }

  return { volume, diameterMm };
}

async function benchCohort(args: Args, seed: number, tally: Tally): Promise<void> {
  const cohortDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-bench-track-'));
  const db = await pgliteDatabase();
  try {
    await generateCohort({ outDir: cohortDir, patients: args.patients, seed, size: 'small' });
    const truth = JSON.parse(await fs.readFile(path.join(cohortDir, 'ground-truth.json'),
      'utf8')) as GroundTruth;
    const dropped = new Map<string, number | null>();
    for (const p of truth.patients) {
      if (args.dropSeg) dropped.set(p.patientId, await dropOneSeg(cohortDir, p));
    }
    const sources = await expandSources([path.join(cohortDir, 'dicom')]);
    await runIngest(sources.files, sources.rejected,
      { db: db.handle.db, dataDir: db.dataDir, source: 'cli' });
    const labels = new Map((await db.handle.db.select().from(segmentMasks))
      .map((m) => [m.id, m.label]));
    for (const p of truth.patients) {
      await benchPatient(args, db, p, labels, tally, dropped.get(p.patientId) ?? null);
    }
  } finally {
    await db.dispose();
    await fs.rm(cohortDir, { recursive: true, force: true });
  }
}

async function benchPatient(
  args: Args,
  db: Awaited<ReturnType<typeof pgliteDatabase>>,
  p: PatientTruth,
  labels: Map<string, string>,
  tally: Tally,
  droppedIndex: number | null,
): Promise<void> {
  const options = args.fast
    ? { registration: { targetSpacingMm: 8, iterationsPerResolution: 150 } } : {};
  const summary = await trackPatient(db.handle.db, db.dataDir, p.patientId, options);
  const table = await loadLesionTable(db.handle.db, p.patientId);
  const truthOf = truthOfMasks(table, p, labels);
  const score = consecutiveLinkScore(table, truthOf);
  const { volume: errors, diameterMm } = observationErrors(table, p, truthOf);
  for (const [source, deltas] of Object.entries(diameterMm)) {
    tally.diameterDeltasMm[source] = [...tally.diameterDeltasMm[source] ?? [], ...deltas];
  }
  const present = droppedIndex === null ? []
    : p.timepoints[droppedIndex]!.lesions.filter((l) => l.present);
  // Only a lesion the scan before showed can be carried: one its SEG lacked was read as gone
  // (a lesion may be present in the model yet too small to cover a voxel centre).
  const before = droppedIndex ? p.timepoints[droppedIndex - 1]!.lesions : [];
  const carriable = (id: string) => before.some((l) => l.lesionId === id && l.voxelCount > 0);
  const expected = present.filter((l) => carriable(l.lesionId)).length;
  tally.notCarriable += present.length - expected;
  tally.hits += Math.round(score.precision * score.predictedPairs);
  tally.predicted += score.predictedPairs;
  tally.truth += score.truePairs;
  tally.residualsMm.push(...residualsMm(table, p));
  tally.volumeErrors.push(...errors.map((e) => e.error));
  for (const { error, flags } of errors) {
    for (const flag of flags) {
      tally.flaggedErrors.set(flag, [...tally.flaggedErrors.get(flag) ?? [], error]);
    }
  }
  tally.missedPropagations += Math.max(0, expected - errors.length);
  tally.durationsMs.push(summary.durationMs);
  process.stdout.write(`${p.patientId}: ${summary.timepoints} timepoints, ` +
    `${summary.tracks} tracks, F1 ${score.f1.toFixed(3)} ` +
    `(${score.truePairs} true links), ${summary.durationMs} ms\n`);
}

function report(tally: Tally, args: Args): void {
  const precision = tally.predicted ? tally.hits / tally.predicted : 1;
  const recall = tally.truth ? tally.hits / tally.truth : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const mm = (v: number) => `${v.toFixed(2)} mm`;
  const lines = [
    `matching: F1 ${f1.toFixed(4)}, precision ${precision.toFixed(4)}, ` +
      `recall ${recall.toFixed(4)} over ${tally.truth} true links`,
    `residual at ${tally.residualsMm.length} true centroids: median ` +
      `${mm(median(tally.residualsMm))}, max ${mm(Math.max(...tally.residualsMm))}`,
    `trackPatient per patient: median ${median(tally.durationsMs).toFixed(0)} ms`,
  ];
  if (args.dropSeg) {
    const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
    lines.push(`propagated masks: ${tally.volumeErrors.length} (missed ` +
      `${tally.missedPropagations}), volume error median ${pct(median(tally.volumeErrors))}` +
      `, max ${pct(Math.max(...tally.volumeErrors))}`,
    `  not counted: ${tally.notCarriable} lesions absent from the scan before the dropped ` +
      'one (new or back again: no mask to carry)');
    for (const [source, deltas] of Object.entries(tally.diameterDeltasMm)) {
      lines.push(`  longest diameter − true long axis, ${source} cells: median ` +
        `${mm(median(deltas))}, range ${mm(Math.min(...deltas))} to ${mm(Math.max(...deltas))}`);
    }
    for (const [flag, errors] of [...tally.flaggedErrors].sort()) {
      lines.push(`  flagged ${flag}: ${errors.length}, volume error median ` +
        `${pct(median(errors))}, max ${pct(Math.max(...errors))}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const tally: Tally = {
    hits: 0, predicted: 0, truth: 0, residualsMm: [], volumeErrors: [],
    diameterDeltasMm: {},
    flaggedErrors: new Map(), durationsMs: [], missedPropagations: 0, notCarriable: 0,
  };
  for (let c = 0; c < args.cohorts; c++) await benchCohort(args, args.seed + c, tally);
  report(tally, args);
}

await main();
