/**
 * Why a DICOM file or series was refused. `reason` is one line a person can read and act
 * on; `code` is stable for programs (ingest counts and groups rejections by it).
 */

export type DicomRejectionCode =
  | 'NOT_DICOM'
  | 'TRUNCATED'
  | 'BAD_LENGTH'
  | 'BAD_VALUE'
  | 'ABSURD_DIMENSIONS'
  | 'PIXEL_LENGTH_MISMATCH'
  | 'UNSUPPORTED_TRANSFER_SYNTAX'
  | 'RTSTRUCT'
  | 'UNSUPPORTED_SOP_CLASS'
  | 'NO_PIXEL_DATA'
  | 'CODECS_NOT_LOADED'
  | 'DECODE_FAILED'
  | 'INCONSISTENT_SERIES'
  | 'BAD_GEOMETRY'
  | 'SEG_OFF_GRID';

export class DicomRejection extends Error {
  readonly code: DicomRejectionCode;
  readonly reason: string;
  readonly source: string;

  constructor(
    code: DicomRejectionCode,
    source: string,
    reason: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${source}: ${reason}`, { cause: options.cause });
    this.name = 'DicomRejection';
    this.code = code;
    this.reason = reason.replace(/\s*\n\s*/g, ' ');
    this.source = source;
  }
}

export function isDicomRejection(err: unknown): err is DicomRejection {
  return err instanceof DicomRejection;
}
