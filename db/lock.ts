import fs from 'node:fs';
import path from 'node:path';

import { AppError } from '@/server/lib/errors';

/**
 * PGlite is a single-process database: a second process writing the same folder would
 * corrupt it. A lock file holding the owner's pid keeps a second process out; a lock
 * left behind by a process that no longer exists is taken over.
 *
 * Known shortcoming: a pid means nothing on another machine, so two machines sharing the
 * data folder over a network filesystem could take over each other's live lock.
 */
export function acquireDirectoryLock(dir: string, purpose: string): () => void {
  const lockPath = path.join(dir, 'hallmark.lock');
  fs.mkdirSync(dir, { recursive: true });

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid, purpose }), { flag: 'wx' });

      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(lockPath);
      if (owner && isAlive(owner.pid)) throw lockedError(dir, owner);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('DATABASE_LOCKED', `Could not take the lock at ${lockPath}.`);
}

interface LockOwner {
  pid: number;
  purpose: string;
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;

    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, purpose: String(parsed.purpose ?? 'unknown') }
      : undefined;
  } catch {
    // A half-written lock file: its writer died between create and write.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);

    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(dir: string, owner: LockOwner): AppError {
  const text =
    `The embedded database in ${dir} is in use by another Hallmark process ` +
    `(pid ${owner.pid}, ${owner.purpose}). Stop that process first, use the web ` +
    `app's upload page while it runs, or set DATABASE_URL to a PostgreSQL server so ` +
    `that several processes can share one database.`;

  return new AppError('DATABASE_LOCKED', text);
}
