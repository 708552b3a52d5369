import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../..');

/** The public reference data folder next to the repository (see its README). */
export const SHARED_DATA = path.resolve(REPO_ROOT, '../shared/data');

/**
 * Whether a reference folder is there. Absent data skips the suite with a visible
 * warning locally, but fails under CI, where a silent skip would hide lost coverage.
 */
export function referenceDataPresent(relative: string): boolean {
  const folder = path.join(SHARED_DATA, relative);
  if (existsSync(folder)) return true;

  if (process.env.CI === 'true') {
    throw new Error(`Reference data ${folder} is missing; CI must provide ../shared/data.`);
  }
  console.warn(`Skipping tests on ${relative}: ${folder} is absent.`);

  return false;
}
