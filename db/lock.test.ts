import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { AppError } from '@/server/lib/errors';

import { acquireDirectoryLock } from './lock';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-lock-'));
  dirs.push(dir);

  return dir;
}

describe('acquireDirectoryLock', () => {
  it('refuses a second owner while the first process lives, naming what to do', async () => {
    const dir = await tempDir();
    // A live process other than this one holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await fs.writeFile(
        path.join(dir, 'hallmark.lock'),
        JSON.stringify({ pid: holder.pid, purpose: 'web app' }),
      );
      let caught: unknown;
      try {
        acquireDirectoryLock(dir, 'hallmark ingest');
      } catch (err) {
        caught = err;
      }

      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('DATABASE_LOCKED');
      expect((caught as AppError).message).toContain(`pid ${holder.pid}, web app`);
      expect((caught as AppError).message).toContain('DATABASE_URL');
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = await tempDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    await fs.writeFile(path.join(dir, 'hallmark.lock'), JSON.stringify({ pid: gone.pid }));

    const release = acquireDirectoryLock(dir, 'test');
    const owner = JSON.parse(await fs.readFile(path.join(dir, 'hallmark.lock'), 'utf8'));

    expect(owner.pid).toBe(process.pid);
    release();
    await expect(fs.access(path.join(dir, 'hallmark.lock'))).rejects.toThrow();
  });
});
