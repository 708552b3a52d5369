import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase } from '@/db/client';

/** The `hallmark` command as a user runs it: a separate process, exit codes, stdout. */
const root = path.resolve(import.meta.dirname, '..');
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-cli-'));
});
afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

function hallmark(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'cli/bin.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, HALLMARK_DATA_DIR: dataDir, HALLMARK_LOG_LEVEL: 'error' },
    encoding: 'utf8',
  });

  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hallmark ingest --json', () => {
  it('prints the full document and exits 1 when nothing could be ingested', () => {
    const run = hallmark('ingest', path.join(dataDir, 'no-such-folder'), '--json');

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      ingested: 0,
      unchanged: 0,
      rejected: [{ path: path.join(dataDir, 'no-such-folder'), reason: 'No such file or folder.' }],
      patients: [],
    });
  });

  it('answers a call without inputs with the usage and exit code 2', () => {
    const run = hallmark('ingest');

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Name at least one file, folder, zip or --manifest.');
    expect(run.stderr).toContain('hallmark ingest <file|folder|zip>...');
  });
});

describe('a second process on the embedded database', () => {
  it('stops with a message that says what to do', async () => {
    const held = await openDatabase({ dataDir, purpose: 'test holder' });
    try {
      const run = hallmark('patients', '--json');

      expect(run.code).toBe(1);
      expect(run.stderr).toContain('is in use by another Hallmark process');
      expect(run.stderr).toContain(`pid ${process.pid}, test holder`);
    } finally {
      await held.close();
    }
    const after = hallmark('patients', '--json');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual([]);
  });
});
