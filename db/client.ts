import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

import { logger } from '@/server/lib/log';

import { acquireDirectoryLock } from './lock';
import * as schema from './schema';

export type Schema = typeof schema;

/** Both drivers behind one type: domain code never knows which one it talks to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder of the embedded database; ignored when databaseUrl is set. */
  dataDir: string;
  /** Shown to a second process that finds the embedded database locked. */
  purpose: string;
}

const log = logger('db');
const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(path.join(options.dataDir, 'db'), options.purpose);
  const started = Date.now();
  await migrateDatabase(handle);
  log.info('database ready', { code: handle.kind, durationMs: Date.now() - started });

  return handle;
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;

  return { db, kind: 'postgres', close: () => pool.end() };
}

async function openPglite(dir: string, purpose: string): Promise<DatabaseHandle> {
  const release = acquireDirectoryLock(dir, purpose);
  try {
    const client = await PGlite.create(path.join(dir, 'pgdata'));
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    const close = async () => {
      await client.close();
      release();
    };

    return { db, kind: 'pglite', close };
  } catch (err) {
    release();
    throw err;
  }
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as never, config);
  } else {
    await migratePg(handle.db as never, config);
  }
}
