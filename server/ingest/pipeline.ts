import fs from 'node:fs/promises';
import path from 'node:path';

import { eq, sql } from 'drizzle-orm';

import type { Db } from '@/db/client';
import type { IngestProgress } from '@/db/schema';
import { ingestFiles, ingestJobs, patients, series, studies, timepoints } from '@/db/schema';
import { loadCodecs } from '@/server/imaging/dicom/codecs/load';
import { isDicomRejection } from '@/server/imaging/dicom/rejection';
import { logger } from '@/server/lib/log';
import { stagingDir } from '@/server/storage/layout';

import { AppError } from '@/server/lib/errors';

import { commitSeries } from './commit';
import { ingestManifestRow } from './manifest';
import type { ManifestRow } from './manifest-parse';
import type { FileOutcomeRecord } from './outcomes';
import { prepareSeries } from './prepare-series';
import type { StagedFile } from './read-files';
import { readAndStage } from './read-files';
import { regroupTimepoints } from './regroup';
import type { SourceFile, SourceRejection } from './sources';

export interface IngestOptions {
  db: Db;
  dataDir: string;
  /** An existing job (uploads create theirs first); otherwise one is created. */
  jobId?: string;
  source: 'cli' | 'upload';
  /** Studies of one patient within this many days form one timepoint. */
  timepointWindowDays?: number;
  onProgress?: (progress: IngestProgress) => void;
  /** Rows of research manifests (NIfTI/NRRD images and label maps). */
  manifestRows?: ManifestRow[];
}

export interface IngestSummary {
  jobId: string;
  ingested: number;
  unchanged: number;
  rejected: SourceRejection[];
  patients: { patientId: string; timepoints: number; series: number }[];
}

const log = logger('ingest');

/** The one ingest pipeline behind the CLI and the upload page. */
export async function runIngest(
  files: SourceFile[],
  preRejected: SourceRejection[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const { db, dataDir } = options;
  const jobId = options.jobId ?? (await createJob(db, options.source));
  const tracker = progressTracker(db, jobId, files.length, options.onProgress);
  const stagingAbs = path.join(/* turbopackIgnore: true */ dataDir, stagingDir(jobId));
  const started = Date.now();
  await db.update(ingestJobs).set({ status: 'running' }).where(eq(ingestJobs.id, jobId));

  try {
    await loadCodecs();
    const read = await readAndStage(db, files, stagingAbs, (n) => tracker.files(n));
    const outcomes = [...preRejected.map(asRejected), ...read.outcomes];
    const touched = await ingestSeries(db, dataDir, read.staged, outcomes, tracker);
    for (const row of options.manifestRows ?? []) {
      const patientRowId = await ingestRow(db, dataDir, row, outcomes);
      if (patientRowId) touched.add(patientRowId);
    }
    for (const patientRowId of touched) {
      await regroupTimepoints(db, patientRowId, options.timepointWindowDays ?? 0);
    }
    const summary = await finishJob(db, jobId, outcomes, touched);
    tracker.done();
    log.info('ingest finished', { jobId, durationMs: Date.now() - started, count: files.length });

    return summary;
  } catch (err) {
    await db
      .update(ingestJobs)
      .set({ status: 'failed', error: String(err), finishedAt: new Date() })
      .where(eq(ingestJobs.id, jobId));
    throw err;
  } finally {
    await fs.rm(stagingAbs, { recursive: true, force: true });
  }
}

async function ingestRow(db: Db, dataDir: string, row: ManifestRow, outcomes: FileOutcomeRecord[]) {
  try {
    return await ingestManifestRow(db, dataDir, row, outcomes);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const shown of [row.imageShown, row.maskShown]) {
      if (shown) outcomes.push({ path: shown, outcome: 'rejected', reason: err.userMessage });
    }

    return undefined;
  }
}

function asRejected(r: SourceRejection): FileOutcomeRecord {
  return { path: r.path, outcome: 'rejected', reason: r.reason };
}

export async function createJob(db: Db, source: string): Promise<string> {
  const [row] = await db
    .insert(ingestJobs)
    .values({ source, status: 'receiving' })
    .returning({ id: ingestJobs.id });
  if (!row) throw new Error('Creating an ingest job returned no row.');

  return row.id;
}

/**
 * Image series go first so that a SEG in the same upload finds the grid it annotates.
 * A series that fails is rejected as a whole with its reason; the others go on.
 */
async function ingestSeries(
  db: Db,
  dataDir: string,
  staged: StagedFile[],
  outcomes: FileOutcomeRecord[],
  tracker: ReturnType<typeof progressTracker>,
): Promise<Set<string>> {
  const groups = groupBySeries(staged);
  tracker.series(
    groups.map((g) => ({ uid: g[0]?.header.seriesInstanceUid ?? '', label: labelOf(g) })),
  );
  const touched = new Set<string>();

  for (const group of groups) {
    const uid = group[0]?.header.seriesInstanceUid ?? '';
    try {
      const prepared = await prepareSeries(db, dataDir, group);
      const { patientRowId } = await commitSeries(db, dataDir, prepared);
      touched.add(patientRowId);
      for (const f of group) {
        outcomes.push({ path: f.sourcePath, outcome: 'ingested', seriesInstanceUid: uid });
      }
      tracker.seriesDone(uid);
    } catch (err) {
      const reason = seriesFailure(uid, err);
      for (const f of group) {
        outcomes.push({ path: f.sourcePath, outcome: 'rejected', reason, seriesInstanceUid: uid });
      }
      tracker.seriesDone(uid, reason);
    }
  }

  return touched;
}

/**
 * A series that cannot be used is refused whole and the run goes on. Unexpected
 * failures are logged with their cause, as they point at a defect rather than a file.
 */
function seriesFailure(uid: string, err: unknown): string {
  if (isDicomRejection(err)) {
    log.warn('series rejected', { seriesUid: uid, code: err.code, reason: err.reason });

    return err.reason;
  }
  log.error('series failed', { seriesUid: uid, err });
  const why = err instanceof Error ? err.message : String(err);

  return `The series could not be assembled (${why}); nothing of it was stored.`;
}

/** Series that outline lesions on another series, which must be committed first. */
const OUTLINES = new Set(['SEG', 'RTSTRUCT']);

function groupBySeries(staged: StagedFile[]): StagedFile[][] {
  const groups = new Map<string, StagedFile[]>();
  for (const file of staged) {
    const uid = file.header.seriesInstanceUid;
    groups.set(uid, [...(groups.get(uid) ?? []), file]);
  }
  const isSeg = (g: StagedFile[]) => (OUTLINES.has(g[0]?.header.seriesType ?? '') ? 1 : 0);

  return [...groups.values()].sort((a, b) => isSeg(a) - isSeg(b));
}

function labelOf(group: StagedFile[]): string {
  const h = group[0]?.header;
  if (!h) return '';

  const description = h.description ? ` (${h.description})` : '';

  return `${h.patientId} ${h.studyDate} ${h.seriesType}${description}`;
}

async function finishJob(
  db: Db,
  jobId: string,
  outcomes: FileOutcomeRecord[],
  touched: Set<string>,
): Promise<IngestSummary> {
  const count = (o: string) => outcomes.filter((r) => r.outcome === o).length;
  const rows = outcomes.map((o) => ({ jobId, ...o }));
  for (let start = 0; start < rows.length; start += 1000) {
    await db.insert(ingestFiles).values(rows.slice(start, start + 1000));
  }
  await db
    .update(ingestJobs)
    .set({
      status: 'done',
      ingested: count('ingested'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      finishedAt: new Date(),
    })
    .where(eq(ingestJobs.id, jobId));

  return {
    jobId,
    ingested: count('ingested'),
    unchanged: count('unchanged'),
    rejected: outcomes
      .filter((o) => o.outcome === 'rejected')
      .map((o) => ({ path: o.path, reason: o.reason ?? '' })),
    patients: await patientSummaries(db, [...touched]),
  };
}

async function patientSummaries(db: Db, patientRowIds: string[]) {
  if (patientRowIds.length === 0) return [];
  const rows = await db
    .select({
      patientId: patients.patientId,
      timepoints: sql<number>`count(distinct ${timepoints.id})::int`,
      series: sql<number>`count(distinct ${series.id})::int`,
    })
    .from(patients)
    .leftJoin(timepoints, eq(timepoints.patientId, patients.id))
    .leftJoin(studies, eq(studies.patientId, patients.id))
    .leftJoin(series, eq(series.studyId, studies.id))
    .where(sql`${patients.id} in ${patientRowIds}`)
    .groupBy(patients.patientId)
    .orderBy(patients.patientId);

  return rows;
}

/** Keeps the job row's progress current without a write per file. */
function progressTracker(
  db: Db,
  jobId: string,
  filesTotal: number,
  onProgress?: (progress: IngestProgress) => void,
) {
  const progress: IngestProgress = { phase: 'reading', filesDone: 0, filesTotal, series: [] };
  let lastWrite = 0;
  const publish = (force = false) => {
    onProgress?.(progress);
    const now = Date.now();
    if (!force && now - lastWrite < 500) return;
    lastWrite = now;
    void db
      .update(ingestJobs)
      .set({ progress: structuredClone(progress) })
      .where(eq(ingestJobs.id, jobId))
      .catch((err: unknown) => log.warn('progress not saved', { jobId, err }));
  };

  return {
    files(done: number) {
      progress.filesDone = done;
      publish();
    },
    series(list: { uid: string; label: string }[]) {
      progress.phase = 'assembling';
      progress.series = list.map((s) => ({
        seriesInstanceUid: s.uid,
        label: s.label,
        done: false,
      }));
      publish(true);
    },
    seriesDone(uid: string, error?: string) {
      const entry = progress.series.find((s) => s.seriesInstanceUid === uid);
      if (entry) Object.assign(entry, { done: true, ...(error ? { error } : {}) });
      publish();
    },
    done() {
      progress.phase = 'done';
      publish(true);
    },
  };
}
