import fs from 'node:fs/promises';
import path from 'node:path';

import { unzipSync } from 'fflate';

/**
 * One file offered for ingest, whatever it came from. `path` is what the user sees
 * in the result: a plain path, or `archive.zip!entry/name.dcm` for a zip entry.
 */
export interface SourceFile {
  path: string;
  sizeBytes: number;
  read(): Promise<Uint8Array>;
}

export interface SourceRejection {
  path: string;
  reason: string;
}

export interface ExpandedSources {
  files: SourceFile[];
  rejected: SourceRejection[];
}

/** Largest single file or zip entry read; beyond it a file is refused unread. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3 - 1;
/** Zips are read whole into memory, so their size is bounded separately. */
export const MAX_ZIP_BYTES = 1024 ** 3;
const MAX_ZIP_ENTRIES = 200_000;

/** A path to read, and the name the user knows it by (an upload's original path). */
export interface SourceInput {
  abs: string;
  shown: string;
}

export async function expandSources(inputs: (string | SourceInput)[]): Promise<ExpandedSources> {
  const out: ExpandedSources = { files: [], rejected: [] };
  for (const input of inputs) {
    if (typeof input === 'string') await expandOne(path.resolve(input), input, out);
    else await expandOne(input.abs, input.shown, out);
  }

  return out;
}

async function expandOne(abs: string, shown: string, out: ExpandedSources): Promise<void> {
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat) {
    out.rejected.push({ path: shown, reason: 'No such file or folder.' });

    return;
  }
  if (stat.isDirectory()) {
    const entries = await fs.readdir(abs, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      await expandOne(path.join(abs, entry.name), path.join(shown, entry.name), out);
    }

    return;
  }
  if (!stat.isFile()) return;

  if (await isZip(abs)) {
    await expandZip(abs, shown, stat.size, out);
  } else if (stat.size > MAX_FILE_BYTES) {
    out.rejected.push({ path: shown, reason: tooLarge(stat.size, MAX_FILE_BYTES) });
  } else {
    out.files.push({ path: shown, sizeBytes: stat.size, read: () => readFileBytes(abs) });
  }
}

async function readFileBytes(abs: string): Promise<Uint8Array> {
  const buffer = await fs.readFile(abs);

  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

async function isZip(abs: string): Promise<boolean> {
  const handle = await fs.open(abs, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);

    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

function tooLarge(sizeBytes: number, limit: number): string {
  const mb = (n: number) => `${Math.round(n / 1024 ** 2)} MB`;

  return `File is ${mb(sizeBytes)}, over the ${mb(limit)} limit; split it or unpack it first.`;
}

async function expandZip(
  abs: string,
  shown: string,
  sizeBytes: number,
  out: ExpandedSources,
): Promise<void> {
  if (sizeBytes > MAX_ZIP_BYTES) {
    out.rejected.push({ path: shown, reason: tooLarge(sizeBytes, MAX_ZIP_BYTES) });

    return;
  }
  const entries = unzipEntries(await readFileBytes(abs), shown, out);
  for (const [name, data] of entries) {
    out.files.push({
      path: `${shown}!${name}`,
      sizeBytes: data.byteLength,
      read: async () => data,
    });
  }
}

/** Unpacks a zip held in memory, refusing unsafe or oversized entries one by one. */
export function unzipEntries(
  bytes: Uint8Array,
  shown: string,
  out: { rejected: SourceRejection[] },
): [string, Uint8Array][] {
  let count = 0;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter: (entry) => {
        count++;
        const problem = entryProblem(entry.name, entry.originalSize, count);
        if (problem) out.rejected.push({ path: `${shown}!${entry.name}`, reason: problem });

        return !problem && !entry.name.endsWith('/');
      },
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    out.rejected.push({ path: shown, reason: `Not a readable zip archive (${why}).` });

    return [];
  }

  return Object.entries(unpacked).sort(([a], [b]) => a.localeCompare(b));
}

function entryProblem(name: string, originalSize: number, index: number): string | undefined {
  if (index > MAX_ZIP_ENTRIES) return `Archive has more than ${MAX_ZIP_ENTRIES} entries.`;
  if (escapesArchive(name)) {
    return 'Entry path escapes the archive folder (absolute or "..").';
  }
  if (originalSize > MAX_FILE_BYTES) return tooLarge(originalSize, MAX_FILE_BYTES);

  return undefined;
}

export function escapesArchive(name: string): boolean {
  const unified = name.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[a-zA-Z]:/.test(unified)) return true;

  return unified.split('/').includes('..');
}
