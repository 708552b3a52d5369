/**
 * trackPatient: register every follow-up CT of a patient to the baseline CT, and every
 * series in a frame other than its timepoint's CT to that CT (align-series.ts), measure
 * every lesion (SEG segments and a reader's PET threshold outlines), match them over all
 * timepoints, replay the reader's decisions and store the result, replacing the previous
 * automatic one. Outlines live in their own table, so they come back on every run.
 *
 * A tracked lesion at a follow-up without any SEG is looked for by carrying its previous
 * mask there (propagate-missing.ts). Known shortcoming: a lesion absent from a
 * follow-up's SEG is not searched for by thresholding; only a reader's click does that.
 * The size gate of matchLesions allows a few voxels' worth of partial volume, so a small
 * lesion shrinking to a voxel or two stays on its track; a large lesion shrinking more
 * than eightfold between two scans without overlapping itself still starts a new track.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { registrations } from '@/db/schema';
import { logger } from '@/server/lib/log';
import type { RegistrationOptions } from '@/server/tracking';
import { IDENTITY_MATRIX } from '@/server/tracking/affine';

import { alignTimepoints, type Alignment } from './align';
import { alignSeries, storeSeriesAlignments } from './align-series';
import { applyDecisions } from './apply-decisions';
import { autoMatch } from './auto-match';
import { loadPatientInputs, loadSeriesToCt, type PatientInputs } from './load-patient';
import { matchingGrid } from './matching-grid';
import { measureTimepoint } from './measure-masks';
import { loadDecisions } from './load-decisions';
import { persistRun } from './persist';
import { propagateMissing } from './propagate-missing';

const log = logger('registration');

export type TrackPhase =
  | 'loading' | 'registering' | 'registering-series' | 'matching' | 'saving' | 'done';

export interface TrackProgress {
  phase: TrackPhase;
  /**
   * Registrations finished so far, out of `total`: follow-up timepoints while
   * 'registering', series groups in frames other than their CT's while 'registering-series'.
   */
  done: number;
  total: number;
}

export interface TrackOptions {
  registration?: RegistrationOptions;
  onProgress?: (progress: TrackProgress) => void;
}

export interface TrackSummary {
  timepoints: number;
  tracks: number;
  failedRegistrations: number;
  /** Series in another frame than their CT's whose registration failed (identity used). */
  failedSeriesRegistrations: number;
  durationMs: number;
}

export async function trackPatient(
  db: Db,
  dataDir: string,
  patientId: string,
  options: TrackOptions = {},
): Promise<TrackSummary> {
  const started = Date.now();
  const report = options.onProgress ?? (() => undefined);
  report({ phase: 'loading', done: 0, total: 0 });
  const inputs = await loadPatientInputs(db, patientId);
  const alignments = await alignTimepoints(dataDir, inputs, options.registration ?? {},
    (done, total) => report({ phase: 'registering', done, total }));
  const seriesAlignments = await alignSeries(dataDir, inputs, options.registration ?? {},
    (done, total) => report({ phase: 'registering-series', done, total }));
  await storeSeriesAlignments(db, inputs.patientRowId, seriesAlignments);
  const tracks = await rebuildTracks(db, dataDir, inputs, alignments, report);
  const summary = {
    timepoints: inputs.timepoints.length,
    tracks,
    failedRegistrations: alignments.filter((a) => a.status === 'failed').length,
    failedSeriesRegistrations: seriesAlignments.filter((a) => a.status === 'failed').length,
    durationMs: Date.now() - started,
  };
  log.info('patient tracked', { durationMs: summary.durationMs, count: tracks });

  return summary;
}

/**
 * Matching and storing again with the registrations already stored: what a reader's
 * decision needs, in a fraction of a second instead of one registration per timepoint.
 */
export async function rematchPatient(db: Db, dataDir: string, patientId: string) {
  const inputs = await loadPatientInputs(db, patientId);
  const stored = await db.select().from(registrations)
    .where(eq(registrations.patientId, inputs.patientRowId));
  const alignments = inputs.timepoints.map((t): Alignment => {
    const row = stored.find((r) => r.timepointId === t.id);
    if (!row) {
      return { timepointId: t.id, status: 'baseline', method: 'baseline', reason: null,
        matrix: [...IDENTITY_MATRIX], quality: null };
    }

    return { timepointId: t.id, status: row.status, method: row.method, reason: row.reason,
      matrix: row.matrix, quality: row.quality };
  });

  return rebuildTracks(db, dataDir, inputs, alignments, () => undefined);
}

async function rebuildTracks(
  db: Db,
  dataDir: string,
  inputs: PatientInputs,
  alignments: Alignment[],
  report: (progress: TrackProgress) => void,
): Promise<number> {
  const total = Math.max(0, inputs.timepoints.length - 1);
  report({ phase: 'matching', done: total, total });
  const toCt = await loadSeriesToCt(db, inputs.patientRowId);
  const read = await Promise.all(inputs.timepoints.map((t) =>
    measureTimepoint(dataDir, t, toCt.get(t.id))));
  const measured = read.map((r) => r.lesions);
  const baselineCt = inputs.timepoints[inputs.baselineIndex]?.ct;
  const grid = baselineCt ? matchingGrid(baselineCt) : null;
  const decisions = await loadDecisions(db, inputs);
  const tracks = applyDecisions(autoMatch(measured, alignments, grid), decisions);
  await propagateMissing({ dataDir, inputs, alignments, measured }, tracks);
  report({ phase: 'saving', done: total, total });
  const duplicates = new Map(read.flatMap((r) => [...r.duplicates]));
  await persistRun(db, dataDir, { inputs, alignments, measured, tracks, duplicates });
  report({ phase: 'done', done: total, total });

  return tracks.length;
}
