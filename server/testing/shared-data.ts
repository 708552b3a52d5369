import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The public reference data beside the repository (../shared/data, see its README).
 * Tests read it in place. Absent data skips a suite with a visible message on a
 * developer's machine and fails under CI, where a silent skip would hide lost coverage.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');

export const SHARED_DATA = path.resolve(repoRoot, '../shared/data');

export function dataFolder(relative: string): { folder: string; present: boolean } {
  const folder = path.join(SHARED_DATA, relative);
  const present = existsSync(folder);
  if (!present) {
    if (process.env.CI === 'true') {
      throw new Error(`Reference data ${folder} is missing; CI must provide ../shared/data.`);
    }
    console.warn(`SKIPPED: reference data not found at ${folder}`);
  }

  return { folder, present };
}

export function referenceDataPresent(relative: string): boolean {
  return dataFolder(relative).present;
}
