import path from 'node:path';

/**
 * Where pixel data lives under the data folder. The database stores paths relative
 * to the data folder, so a data folder can be moved as a whole.
 *
 *   dicom/ab/<sha256>.dcm   original files, content-addressed: the same bytes are
 *                           stored once, and a crash mid-ingest leaves at most an
 *                           orphan file, never a half-written one under a used name
 *   research/ab/<sha256>.<ext>  NIfTI and NRRD files of manifest ingest, likewise
 *   volumes/<id>.raw        assembled volumes, raw little-endian pixels
 *   masks/<id>.u8           segment masks cropped to their bounding box
 *   staging/<job>/          files of an ingest job not yet committed
 *   db/                     the embedded database
 *
 * Joins onto the data folder in server code carry a turbopackIgnore comment: they
 * name files that exist only at run time, and without it the server build tries to
 * trace (and would bundle) whatever the data folder holds when it runs.
 */
export function dicomPath(digest: string): string {
  return path.join('dicom', digest.slice(0, 2), `${digest}.dcm`);
}

export function researchPath(digest: string, extension: string): string {
  return path.join('research', digest.slice(0, 2), `${digest}${extension}`);
}

export function volumePath(volumeId: string): string {
  return path.join('volumes', `${volumeId}.raw`);
}

export function maskPath(maskId: string): string {
  return path.join('masks', `${maskId}.u8`);
}

export function stagingDir(jobId: string): string {
  return path.join('staging', jobId);
}
