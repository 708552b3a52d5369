import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import type { DatabaseHandle } from '@/db/client';
import { openDatabase } from '@/db/client';

/**
 * Disposable databases for tests: a PGlite folder, or a fresh database on the
 * PostgreSQL server, created for one test file and dropped after it.
 */
export interface TestDatabase {
  handle: DatabaseHandle;
  dataDir: string;
  dispose(): Promise<void>;
}

const ADMIN_URL = process.env.HALLMARK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function pgliteDatabase(): Promise<TestDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-test-'));
  const handle = await openDatabase({ dataDir, purpose: 'test' });

  return {
    handle,
    dataDir,
    dispose: async () => {
      await handle.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();

    return true;
  } catch {
    return false;
  }
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const name = `hallmark_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-test-'));
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir, purpose: 'test' });

  return {
    handle,
    dataDir,
    dispose: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name}`);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Which databases a test file should run against. PostgreSQL is skipped with a
 * message when no server answers, except under CI, where its absence is a failure.
 */
export async function databaseKinds(): Promise<('pglite' | 'postgres')[]> {
  if (await postgresReachable()) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL at ${ADMIN_URL} is not reachable; CI must start it.`);
  }
  console.warn(`SKIPPED: PostgreSQL tests, no server at ${ADMIN_URL}.`);

  return ['pglite'];
}

export function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  return kind === 'pglite' ? pgliteDatabase() : postgresDatabase();
}
