/**
 * Tracking started from the web app runs in the background of the server process, one
 * patient after another (registration already runs in a worker thread, and two at once
 * on a small machine would only slow each other down). Progress is kept in memory: a
 * restart of the server forgets runs in flight, and the stored results of the last
 * finished run stay as they were. A job table would be needed to survive restarts.
 */
import type { Db } from '@/db/client';
import { isAppError } from '@/server/lib/errors';
import { logger } from '@/server/lib/log';

import { trackPatient, type TrackProgress } from './track-patient';

const log = logger('registration');

export interface TrackingJob {
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: TrackProgress | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

const holder = globalThis as typeof globalThis & {
  hallmarkTracking?: { jobs: Map<string, TrackingJob>; queue: Promise<void> };
};
const book = (holder.hallmarkTracking ??= { jobs: new Map(), queue: Promise.resolve() });

/** Queues a run unless one for the patient is queued or running; returns its job. */
export function startTracking(db: Db, dataDir: string, patientId: string): TrackingJob {
  const current = book.jobs.get(patientId);
  if (current && (current.state === 'queued' || current.state === 'running')) return current;

  const job: TrackingJob = {
    state: 'queued', progress: null, error: null, startedAt: new Date().toISOString(),
    finishedAt: null,
  };
  book.jobs.set(patientId, job);
  book.queue = book.queue.then(() => run(db, dataDir, patientId, job));

  return job;
}

export function trackingStatus(patientId: string): TrackingJob | null {
  return book.jobs.get(patientId) ?? null;
}

async function run(db: Db, dataDir: string, patientId: string, job: TrackingJob) {
  job.state = 'running';
  try {
    await trackPatient(db, dataDir, patientId, { onProgress: (p) => (job.progress = p) });
    job.state = 'done';
  } catch (err) {
    log.error('tracking failed', { err });
    job.state = 'failed';
    job.error = isAppError(err) ? err.userMessage : 'Tracking failed; the server log says why.';
  }
  job.finishedAt = new Date().toISOString();
}
