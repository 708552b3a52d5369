/**
 * Signals computed from the web app: one patient after another in the server process. A
 * run reads every image of the patient (seconds per phantom timepoint, much more on real
 * scans), longer than a request should wait. See server/jobs/in-process-queue.ts for what
 * a restart forgets.
 */
import type { Db } from '@/db/client';
import { type BackgroundJob, inProcessQueue } from '@/server/jobs/in-process-queue';
import { logger } from '@/server/lib/log';

import { computePatientSignals, type SignalProgress } from './compute';
import { findPatient } from './load-inputs';

export type SignalsJob = BackgroundJob<SignalProgress>;

const queue = inProcessQueue<SignalProgress>(
  'signals', logger('signals'), 'Computing signals failed; the server log says why.',
);

/**
 * Queues a run unless one for the patient is queued or running; returns its job. An
 * unknown patient is refused here, so the caller sees it at once rather than as a failed job.
 */
export async function startSignals(db: Db, dataDir: string, patientId: string) {
  await findPatient(db, patientId);

  return queue.start(patientId, (report) =>
    computePatientSignals(db, dataDir, patientId, report));
}

export function signalsStatus(patientId: string): SignalsJob | null {
  return queue.status(patientId);
}
