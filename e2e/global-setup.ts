import fs from 'node:fs/promises';
import path from 'node:path';

import { generateCohort } from '../server/phantom/cohort';

/** Scans for the browser tests, written by the project's own phantom generator. */
export default async function globalSetup(): Promise<void> {
  const runDir = process.env.HALLMARK_E2E_DIR;
  if (!runDir) throw new Error('HALLMARK_E2E_DIR is not set; run through playwright.config.ts.');
  const out = path.join(runDir, 'cohort');
  await generateCohort({ outDir: out, patients: 2, seed: 7, size: 'small' });
  await fs.writeFile(path.join(runDir, 'not-dicom.txt'), 'this is not a DICOM file\n');
}
