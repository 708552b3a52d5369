/**
 * Test helpers that read the phantom's files back with dcmjs (an independent DICOM
 * reader) and with the dcmtk and dcm2niix command-line tools when they are installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type Naturalized = Record<string, unknown> & {
  PixelData?: ArrayBuffer[];
};

interface DcmjsData {
  DicomMessage: { readFile(buffer: ArrayBuffer): { dict: unknown } };
  DicomMetaDictionary: { naturalizeDataset(dict: unknown): Naturalized };
}

const dcmjs = createRequire(import.meta.url)('dcmjs') as { data: DcmjsData };

export function readDicom(file: string): Naturalized {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const message = dcmjs.data.DicomMessage.readFile(buffer as ArrayBuffer);

  return dcmjs.data.DicomMetaDictionary.naturalizeDataset(message.dict);
}

export function hasTool(name: string): boolean {
  return spawnSync('which', [name]).status === 0;
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);

      return statSync(full).isDirectory() ? listFiles(full) : [full];
    });
}

/** Runs dcmdump on many files at once; returns the exit status and combined output. */
export function dcmdump(files: string[]): { status: number | null; output: string } {
  const result = spawnSync('dcmdump', ['-q', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });

  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export function dcmdumpText(file: string): string {
  return execFileSync('dcmdump', [file], { encoding: 'utf8' });
}
