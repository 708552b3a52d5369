/**
 * Tracking started from the web app: one patient after another in the server process
 * (registration already runs in a worker thread). See server/jobs/in-process-queue.ts for
 * what a restart forgets.
 */
import type { Db } from '@/db/client';
import { type BackgroundJob, inProcessQueue } from '@/server/jobs/in-process-queue';
import { logger } from '@/server/lib/log';

import { trackPatient, type TrackProgress } from './track-patient';

export type TrackingJob = BackgroundJob<TrackProgress>;

const queue = inProcessQueue<TrackProgress>(
  'tracking', logger('registration'), 'Tracking failed; the server log says why.',
);

/** Queues a run unless one for the patient is queued or running; returns its job. */
export function startTracking(db: Db, dataDir: string, patientId: string): TrackingJob {
  return queue.start(patientId, (report) =>
    trackPatient(db, dataDir, patientId, { onProgress: report }));
}

export function trackingStatus(patientId: string): TrackingJob | null {
  return queue.status(patientId);
}
