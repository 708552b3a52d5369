import fs from 'node:fs/promises';
import path from 'node:path';

import { AppError } from '@/server/lib/errors';
import { writeFileAtomic } from '@/server/storage/files';

import type { SourceInput } from './sources';
import { escapesArchive } from './sources';

/**
 * Files of a browser upload wait under uploads/<job>/ until the user starts the
 * ingest. Each is stored under a sequence number; index.jsonl keeps the path the
 * user dropped it with, which is what the result table shows.
 */
export function uploadDir(dataDir: string, jobId: string): string {
  return path.join(/* turbopackIgnore: true */ dataDir, 'uploads', jobId);
}

export async function receiveUpload(
  dataDir: string,
  jobId: string,
  files: { name: string; bytes: Uint8Array }[],
): Promise<number> {
  const dir = uploadDir(dataDir, jobId);
  await fs.mkdir(path.join(/* turbopackIgnore: true */ dir, 'files'), { recursive: true });
  const existing = await readIndex(dir);
  let seq = existing.length;
  const lines: string[] = [];
  for (const file of files) {
    const shown = file.name.replace(/\\/g, '/');
    if (escapesArchive(shown)) {
      throw new AppError('BAD_INPUT', `File name ${shown} escapes the upload folder.`);
    }
    const stored = String(seq++).padStart(7, '0');
    await writeFileAtomic(path.join(/* turbopackIgnore: true */ dir, 'files', stored), file.bytes);
    lines.push(JSON.stringify({ stored, shown }));
  }
  await fs.appendFile(
    path.join(/* turbopackIgnore: true */ dir, 'index.jsonl'),
    lines.map((l) => `${l}\n`).join(''),
  );

  return seq;
}

export async function uploadedSources(dataDir: string, jobId: string): Promise<SourceInput[]> {
  const dir = uploadDir(dataDir, jobId);
  const index = await readIndex(dir);

  return index.map((e) => ({
    abs: path.join(/* turbopackIgnore: true */ dir, 'files', e.stored),
    shown: e.shown,
  }));
}

async function readIndex(dir: string): Promise<{ stored: string; shown: string }[]> {
  const text = await fs
    .readFile(path.join(/* turbopackIgnore: true */ dir, 'index.jsonl'), 'utf8')
    .catch(() => '');

  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { stored: string; shown: string });
}

export async function removeUpload(dataDir: string, jobId: string): Promise<void> {
  await fs.rm(uploadDir(dataDir, jobId), { recursive: true, force: true });
}
