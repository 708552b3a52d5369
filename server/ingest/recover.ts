import fs from 'node:fs/promises';
import path from 'node:path';

import { eq, inArray } from 'drizzle-orm';

import type { DatabaseHandle } from '@/db/client';
import { ingestJobs } from '@/db/schema';
import { logger } from '@/server/lib/log';
import { stagingDir } from '@/server/storage/layout';

import { uploadDir } from './uploads';

const log = logger('ingest');

/**
 * Jobs left 'running' or 'receiving' by a process that died. On the embedded database
 * only one process can be attached, so at open every such job is an orphan: it is
 * marked failed and its staged files are removed (its committed series stay whole).
 * A shared PostgreSQL server may have live jobs of other processes, so it is left alone.
 */
export async function recoverInterruptedJobs(handle: DatabaseHandle, dataDir: string) {
  if (handle.kind !== 'pglite') return 0;

  const orphans = await handle.db
    .select({ id: ingestJobs.id, status: ingestJobs.status })
    .from(ingestJobs)
    .where(inArray(ingestJobs.status, ['running', 'receiving']));
  for (const job of orphans) {
    await handle.db
      .update(ingestJobs)
      .set({
        status: 'failed',
        error:
          'Interrupted: the process ended before the job finished. Series it had ' +
          'stored are complete; ingest the same files again to add the rest.',
        finishedAt: new Date(),
      })
      .where(eq(ingestJobs.id, job.id));
    await fs.rm(path.join(/* turbopackIgnore: true */ dataDir, stagingDir(job.id)), {
      recursive: true,
      force: true,
    });
    await fs.rm(uploadDir(dataDir, job.id), { recursive: true, force: true });
  }
  if (orphans.length > 0) log.warn('interrupted jobs closed', { count: orphans.length });

  return orphans.length;
}
