import type { DatabaseHandle } from '@/db/client';
import { openDatabase } from '@/db/client';
import { recoverInterruptedJobs } from '@/server/ingest/recover';

import { env } from './env';

/**
 * What request handlers and commands share in one process: the database and the data
 * folder. Opened lazily on first use (never at import, so `next build` touches no
 * database) and kept on globalThis so that hot reloading does not open a second one.
 */
export interface Services {
  database: DatabaseHandle;
  dataDir: string;
}

const holder = globalThis as typeof globalThis & { hallmarkServices?: Promise<Services> };

export function services(purpose = 'web app'): Promise<Services> {
  holder.hallmarkServices ??= open(purpose).catch((err: unknown) => {
    // A failed open (e.g. a locked database) must be retried on the next request.
    holder.hallmarkServices = undefined;
    throw err;
  });

  return holder.hallmarkServices;
}

async function open(purpose: string): Promise<Services> {
  const { databaseUrl, dataDir } = env();
  const database = await openDatabase({ databaseUrl, dataDir, purpose });
  await recoverInterruptedJobs(database, dataDir);

  return { database, dataDir };
}

export async function closeServices(): Promise<void> {
  const current = holder.hallmarkServices;
  holder.hallmarkServices = undefined;
  if (current) await (await current).database.close();
}
