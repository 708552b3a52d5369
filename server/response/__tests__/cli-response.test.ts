import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { UsageError } from '@/cli/command';
import { responseCommand } from '@/cli/commands/response';

import { at, lesion, recist } from './build';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hallmark-response-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const target = path.join(dir, name);
  await writeFile(target, content);

  return target;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
  const code = await responseCommand.run(args, io);

  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Baseline 50 mm, then 35 mm: -30%, PR.
const partialResponse = recist([
  at('2024-01-01', [lesion('A', 50)]),
  at('2024-02-26', [lesion('A', 35)]),
]);

describe('hallmark response', () => {
  it('prints the full result as JSON with --json', async () => {
    const input = await file('pr.json', JSON.stringify(partialResponse));
    const result = await run(['--input', input, '--json']);
    const parsed = JSON.parse(result.out) as { bestOverallResponse: string; timepoints: unknown[] };

    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(parsed.bestOverallResponse).toBe('PR');
    expect(parsed.timepoints).toHaveLength(2);
  });

  it('prints a readable summary without --json', async () => {
    const input = await file('pr-text.json', JSON.stringify(partialResponse));
    const result = await run([`--input=${input}`]);

    expect(result.code).toBe(0);
    expect(result.out).toContain('2024-02-26  PR\n    PR: sum 35 mm is -30% vs baseline 50 mm');
    expect(result.out).toContain('Best overall response: PR');
  });

  it('exits 2 naming the bad field', async () => {
    const bad = recist([at('2024-01-01', [lesion('A', 50)])]) as unknown as {
      timepoints: { targets: Record<string, unknown>[] }[];
    };
    bad.timepoints[0]!.targets[0]!.diameterMm = 'fifty';
    const input = await file('bad.json', JSON.stringify(bad));
    const result = await run(['--input', input, '--json']);

    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'The response input has problems:\ntimepoints[0].targets[0].diameterMm: expected a number',
    );
  });

  it('reads PERCIST non-targets from the file', async () => {
    const liver = { sulMean: 2, sulSd: 0.3 };
    const input = await file(
      'percist.json',
      JSON.stringify({
        criteria: 'percist1.0',
        timepoints: [
          {
            date: '2024-01-01',
            liver,
            lesions: [{ id: 'A', sulPeak: 5 }],
            nonTargets: [{ id: 'B', status: 'present' }],
          },
          {
            date: '2024-02-26',
            liver,
            lesions: [{ id: 'A', sulPeak: 3 }],
            nonTargets: [{ id: 'B', status: 'progression' }],
          },
        ],
      }),
    );
    const result = await run(['--input', input]);

    expect(result.code).toBe(0);
    expect(result.out).toContain(
      '2024-02-26  PMD\n    PMD: unequivocal progression of FDG-avid non-target(s) B',
    );
  });

  it('exits 2 on a file that is not JSON or does not exist', async () => {
    const notJson = await file('broken.json', '{ "criteria": ');
    const broken = await run(['--input', notJson]);
    const missing = await run(['--input', path.join(dir, 'nope.json')]);

    expect(broken.code).toBe(2);
    expect(broken.err).toContain('broken.json is not valid JSON');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Cannot read');
  });

  it('raises a usage error without --input or with an unknown flag', async () => {
    await expect(run(['--json'])).rejects.toThrow(UsageError);
    await expect(run(['--input', 'x.json', '--fast'])).rejects.toThrow(
      'Unknown argument "--fast".',
    );
  });
});
