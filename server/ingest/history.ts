import { asc, desc, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { ingestFiles, ingestJobs } from '@/db/schema';
import { AppError } from '@/server/lib/errors';

export async function listJobs(db: Db, limit: number) {
  return db.select().from(ingestJobs).orderBy(desc(ingestJobs.createdAt)).limit(limit);
}

export async function getJob(db: Db, jobId: string) {
  const [job] = await db.select().from(ingestJobs).where(eq(ingestJobs.id, jobId));
  if (!job) throw new AppError('NOT_FOUND', 'That ingest job does not exist.');

  return job;
}

export async function listJobFiles(db: Db, jobId: string) {
  return db
    .select({
      path: ingestFiles.path,
      outcome: ingestFiles.outcome,
      reason: ingestFiles.reason,
      seriesInstanceUid: ingestFiles.seriesInstanceUid,
    })
    .from(ingestFiles)
    .where(eq(ingestFiles.jobId, jobId))
    .orderBy(asc(ingestFiles.path));
}
