import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { ingestJobs } from '@/db/schema';
import { AppError } from '@/server/lib/errors';
import { logger } from '@/server/lib/log';

import { runIngest } from './pipeline';
import { expandSources } from './sources';
import { removeUpload, uploadedSources } from './uploads';

const log = logger('ingest');

/**
 * Uploaded jobs run one after another in the web process: the embedded database has
 * one writer, and two ingests on two cores would only slow each other down. A job
 * queue with worker processes replaces this for large cohorts.
 */
let queue: Promise<void> = Promise.resolve();

export async function startUploadedJob(db: Db, dataDir: string, jobId: string): Promise<void> {
  const [job] = await db.select().from(ingestJobs).where(eq(ingestJobs.id, jobId));
  if (!job) throw new AppError('NOT_FOUND', 'That upload no longer exists.');
  if (job.status !== 'receiving') {
    throw new AppError('CONFLICT', 'That upload has already been started.');
  }
  await db.update(ingestJobs).set({ status: 'running' }).where(eq(ingestJobs.id, jobId));

  queue = queue.then(() => runUploaded(db, dataDir, jobId));
}

async function runUploaded(db: Db, dataDir: string, jobId: string): Promise<void> {
  try {
    const sources = await expandSources(await uploadedSources(dataDir, jobId));
    await runIngest(sources.files, sources.rejected, { db, dataDir, jobId, source: 'upload' });
  } catch (err) {
    // runIngest marks the job failed itself; this catches failures before it ran.
    log.error('upload ingest failed', { jobId, err });
    await db
      .update(ingestJobs)
      .set({ status: 'failed', error: String(err), finishedAt: new Date() })
      .where(eq(ingestJobs.id, jobId))
      .catch(() => undefined);
  } finally {
    await removeUpload(dataDir, jobId);
  }
}
