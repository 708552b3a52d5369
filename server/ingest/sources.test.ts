import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { escapesArchive, expandSources } from './sources';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-sources-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('expandSources', () => {
  it('walks folders in name order and names zip entries archive!entry', async () => {
    await fs.mkdir(path.join(dir, 'tree', 'sub'), { recursive: true });
    await fs.writeFile(path.join(dir, 'tree', 'b.dcm'), 'b');
    await fs.writeFile(path.join(dir, 'tree', 'sub', 'a.dcm'), 'a');
    const zip = zipSync({ 'ct/1.dcm': new Uint8Array([1]), 'ct/2.dcm': new Uint8Array([2]) });
    await fs.writeFile(path.join(dir, 'tree', 'scans.zip'), zip);

    const out = await expandSources([path.join(dir, 'tree')]);
    const names = out.files.map((f) => path.relative(dir, f.path));

    expect(names).toEqual([
      'tree/b.dcm',
      'tree/scans.zip!ct/1.dcm',
      'tree/scans.zip!ct/2.dcm',
      'tree/sub/a.dcm',
    ]);
    expect([...(await out.files[1]!.read())]).toEqual([1]);
    expect(out.rejected).toEqual([]);
  });

  it('refuses zip entries whose path escapes the archive, keeping the others', async () => {
    const zip = zipSync({
      '../../etc/evil.dcm': new Uint8Array([9]),
      '/abs.dcm': new Uint8Array([9]),
      'ok.dcm': new Uint8Array([1]),
    });
    await fs.writeFile(path.join(dir, 'slip.zip'), zip);

    const out = await expandSources([path.join(dir, 'slip.zip')]);

    expect(out.files.map((f) => f.path.split('!')[1])).toEqual(['ok.dcm']);
    expect(out.rejected.map((r) => r.path.split('!')[1]).sort()).toEqual([
      '../../etc/evil.dcm',
      '/abs.dcm',
    ]);
    expect(out.rejected[0]?.reason).toBe(
      'Entry path escapes the archive folder (absolute or "..").',
    );
  });

  it('reports a missing path and a corrupt zip instead of throwing', async () => {
    const bad = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await fs.writeFile(path.join(dir, 'broken.zip'), bad);

    const out = await expandSources([path.join(dir, 'nope'), path.join(dir, 'broken.zip')]);

    expect(out.files).toEqual([]);
    expect(out.rejected[0]?.reason).toBe('No such file or folder.');
    expect(out.rejected[1]?.reason).toMatch(/^Not a readable zip archive/);
  });
});

describe('escapesArchive', () => {
  it.each([
    ['a/b.dcm', false],
    ['a/../b.dcm', true],
    ['..\\b.dcm', true],
    ['C:/x.dcm', true],
    ['a/..b/c.dcm', false],
  ])('%s -> %s', (name, expected) => {
    expect(escapesArchive(name)).toBe(expected);
  });
});
