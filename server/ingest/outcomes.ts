import type { FileOutcome } from '@/db/schema';

/** What happened to one offered file; every file gets exactly one. */
export interface FileOutcomeRecord {
  path: string;
  outcome: FileOutcome;
  reason?: string;
  seriesInstanceUid?: string;
}
