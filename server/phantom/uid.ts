/**
 * DICOM UIDs under the 2.25 root (ISO/IEC 9834-8: a UUID written as one decimal
 * integer). The 128 bits come from SHA-256 of the cohort seed and a path naming the
 * object, so a re-run with the same seed reproduces every UID and different seeds or
 * objects never collide in practice.
 */
import { createHash } from 'node:crypto';

export function deriveUid(seed: number, path: string): string {
  const digest = createHash('sha256').update(`hallmark-phantom|${seed}|${path}`).digest();
  const value = BigInt(`0x${digest.subarray(0, 16).toString('hex')}`);

  return `2.25.${value.toString(10)}`;
}

/** Identifies this writer in every file's meta header; the same for all cohorts. */
export const IMPLEMENTATION_CLASS_UID = deriveUid(0, 'implementation-class');
export const IMPLEMENTATION_VERSION = 'HALLMARK_PH_1';
