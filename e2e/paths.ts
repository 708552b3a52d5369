import fs from 'node:fs';
import path from 'node:path';

export function runDir(): string {
  const dir = process.env.HALLMARK_E2E_DIR;
  if (!dir) throw new Error('HALLMARK_E2E_DIR is not set; run through playwright.config.ts.');

  return dir;
}

/** The folder of the first generated patient's DICOM files. */
export function firstPatientFolder(): { dir: string; patientId: string } {
  const dicom = path.join(runDir(), 'cohort', 'dicom');
  const patientId = fs.readdirSync(dicom).sort()[0];
  if (!patientId) throw new Error(`The phantom generator wrote no patients under ${dicom}.`);

  return { dir: path.join(dicom, patientId), patientId };
}
