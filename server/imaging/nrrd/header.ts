/**
 * Splits an attached-header NRRD file into its fields and the byte offset of its data.
 * The header is ASCII lines ending at the first empty line; "#" lines are comments and
 * "key:=value" lines are free-form key/value pairs, which Hallmark does not use.
 */
import { AppError } from '@/server/lib/errors';

export interface NrrdHeader {
  /** Field name (lower case, as the format defines them) to its raw value text. */
  fields: Map<string, string>;
  dataOffset: number;
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;

function badNrrd(message: string, userMessage: string): AppError {
  return new AppError('BAD_INPUT', message, { userMessage });
}

/** The header lines after the magic line, and the offset where the data begins. */
function headerLines(bytes: Uint8Array): { lines: string[]; dataOffset: number } {
  const lines: string[] = [];
  let start = 0;
  for (let at = 0; at < bytes.length; at += 1) {
    if (bytes[at] !== NEWLINE) continue;

    const end = at > start && bytes[at - 1] === RETURN ? at - 1 : at;
    const line = new TextDecoder('latin1').decode(bytes.subarray(start, end));
    start = at + 1;
    if (line === '') return { lines, dataOffset: start };
    lines.push(line);
  }

  throw badNrrd(
    'NRRD header has no blank line before the data.',
    'The NRRD file is truncated or a detached header; export it as a single .nrrd file.',
  );
}

export function parseNrrdHeader(bytes: Uint8Array): NrrdHeader {
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  if (!/^NRRD000[1-5]$/.test(magic)) {
    throw badNrrd('Not a NRRD file: no NRRD000x magic.', 'The file is not a NRRD image.');
  }

  const { lines, dataOffset } = headerLines(bytes);
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (line.startsWith('#') || line.includes(':=')) continue;

    const colon = line.indexOf(': ');
    if (colon < 0) {
      throw badNrrd(
        `NRRD header line "${line}" is not "field: value".`,
        'The NRRD header is malformed; re-export the file.',
      );
    }
    fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 2).trim());
  }

  return { fields, dataOffset };
}
