/**
 * Where the public reference data lives, and the rule for its absence: skip visibly on a
 * developer machine, fail under CI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export const sharedData = path.resolve(repoRoot, '../shared/data');

export function dataFolder(relative: string): { folder: string; present: boolean } {
  const folder = path.join(sharedData, relative);
  const present = existsSync(folder);
  if (!present) {
    if (process.env.CI === 'true') throw new Error(`Reference data missing under CI: ${folder}`);
    console.warn(`SKIPPED: reference data not found at ${folder}`);
  }

  return { folder, present };
}
