/**
 * Signals computed from the web app run in the background of the server process, one
 * patient after another: a run reads every image of the patient (seconds per phantom
 * timepoint, much more on real scans), longer than a request should wait, and two at once
 * on a small machine would only slow each other down. Progress is kept in memory, so a
 * server restart forgets a run in flight and the values of the last finished run stay.
 */
import type { Db } from '@/db/client';
import { isAppError } from '@/server/lib/errors';
import { logger } from '@/server/lib/log';

import { computePatientSignals, type SignalProgress } from './compute';
import { findPatient } from './load-inputs';

const log = logger('signals');

export interface SignalsJob {
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: SignalProgress | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

const holder = globalThis as typeof globalThis & {
  hallmarkSignals?: { jobs: Map<string, SignalsJob>; queue: Promise<void> };
};
const book = (holder.hallmarkSignals ??= { jobs: new Map(), queue: Promise.resolve() });

/**
 * Queues a run unless one for the patient is queued or running; returns its job. An
 * unknown patient is refused here, so the caller sees it at once rather than as a failed job.
 */
export async function startSignals(db: Db, dataDir: string, patientId: string) {
  await findPatient(db, patientId);
  const current = book.jobs.get(patientId);
  if (current && (current.state === 'queued' || current.state === 'running')) return current;

  const job: SignalsJob = {
    state: 'queued', progress: null, error: null, startedAt: new Date().toISOString(),
    finishedAt: null,
  };
  book.jobs.set(patientId, job);
  book.queue = book.queue.then(() => run(db, dataDir, patientId, job));

  return job;
}

export function signalsStatus(patientId: string): SignalsJob | null {
  return book.jobs.get(patientId) ?? null;
}

async function run(db: Db, dataDir: string, patientId: string, job: SignalsJob) {
  job.state = 'running';
  try {
    await computePatientSignals(db, dataDir, patientId, (p) => (job.progress = p));
    job.state = 'done';
  } catch (err) {
    log.error('signals failed', { err });
    job.state = 'failed';
    job.error = isAppError(err)
      ? err.userMessage
      : 'Computing signals failed; the server log says why.';
  }
  job.finishedAt = new Date().toISOString();
}
