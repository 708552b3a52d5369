import path from 'node:path';

import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { instances } from '@/db/schema';
import { parseDicom } from '@/server/imaging/dicom/parse';
import { isDicomRejection } from '@/server/imaging/dicom/rejection';
import { writeFileAtomic } from '@/server/storage/files';

import { missingIdentity, seriesHeaderOf } from './header';
import type { StructureSetFile } from './rtstruct';
import { readStructureSetHeader } from './rtstruct';
import type { FileOutcomeRecord } from './outcomes';
import type { PreparedInstance, SeriesHeader } from './prepared';
import type { SourceFile } from './sources';

/** A file that parsed, is new, and waits in the staging folder for its series. */
export interface StagedFile extends PreparedInstance {
  header: SeriesHeader;
}

export interface ReadResult {
  staged: StagedFile[];
  outcomes: FileOutcomeRecord[];
}

/**
 * Reads and checks every offered file, one at a time so memory holds one file, not
 * the upload. New files are copied to the job's staging folder under their digest;
 * pixel data is decoded later, one series at a time.
 */
export async function readAndStage(
  db: Db,
  files: SourceFile[],
  stagingAbs: string,
  onFile: (done: number) => void,
): Promise<ReadResult> {
  const result: ReadResult = { staged: [], outcomes: [] };
  const seen = new Map<string, string>();

  for (const [index, file] of files.entries()) {
    const outcome = await readOne(db, file, stagingAbs, seen);
    if ('header' in outcome) result.staged.push(outcome);
    else result.outcomes.push(outcome);
    onFile(index + 1);
  }

  return result;
}

async function readOne(
  db: Db,
  file: SourceFile,
  stagingAbs: string,
  seen: Map<string, string>,
): Promise<StagedFile | FileOutcomeRecord> {
  const reject = (reason: string): FileOutcomeRecord => ({
    path: file.path,
    outcome: 'rejected',
    reason,
  });
  let bytes: Uint8Array;
  try {
    bytes = await file.read();
  } catch (err) {
    return reject(`Could not read the file (${err instanceof Error ? err.message : err}).`);
  }

  const identified = identify(bytes, file.path);
  if (typeof identified === 'string') return reject(identified);
  const { header, sopInstanceUid: sopUid, sopClassUid, digest } = identified;

  const stored = seen.get(sopUid) ?? (await storedDigest(db, sopUid));
  if (stored === digest) {
    return { path: file.path, outcome: 'unchanged', seriesInstanceUid: header.seriesInstanceUid };
  }
  if (stored) {
    return {
      ...reject(
        `Conflict: SOP Instance UID ${sopUid} is already stored with different content; ` +
          'the stored file was kept. Re-send the original or give the new file a new UID.',
      ),
      seriesInstanceUid: header.seriesInstanceUid,
    };
  }

  seen.set(sopUid, digest);
  const stagedPath = path.join(/* turbopackIgnore: true */ stagingAbs, `${digest}.dcm`);
  await writeFileAtomic(stagedPath, bytes);

  return {
    header,
    sopInstanceUid: sopUid,
    sopClassUid,
    digest,
    sizeBytes: bytes.byteLength,
    stagedPath,
    sourcePath: file.path,
  };
}

/**
 * The facts ingest needs from one file, or why it cannot be used. Structure sets have
 * no pixels and are read by their own reader.
 */
function identify(bytes: Uint8Array, source: string): StructureSetFile | string {
  try {
    const instance = parseDicom(bytes, source);

    return (
      missingIdentity(instance) ?? {
        header: seriesHeaderOf(instance),
        sopInstanceUid: instance.sopInstanceUid ?? '',
        sopClassUid: instance.sopClassUid,
        digest: instance.contentSha256,
      }
    );
  } catch (err) {
    if (!isDicomRejection(err)) throw err;
    if (err.code !== 'RTSTRUCT') return err.reason;

    return readStructureSetHeader(bytes, source);
  }
}

async function storedDigest(db: Db, sopInstanceUid: string): Promise<string | undefined> {
  const [row] = await db
    .select({ digest: instances.digest })
    .from(instances)
    .where(eq(instances.sopInstanceUid, sopInstanceUid));

  return row?.digest;
}
