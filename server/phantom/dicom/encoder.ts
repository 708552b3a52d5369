/**
 * A small DICOM Part 10 writer: explicit VR little endian, defined lengths throughout
 * (sequences and items included), elements sorted by tag, values padded to even length
 * (UI with NUL, other text with space, bytes with 0). Datasets are keyed by DICOM
 * keyword; the dictionary supplies tag and VR. Text values that break their VR's length
 * limit throw, because a PACS may reject or truncate them.
 */
import { endianness } from 'node:os';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION } from '../uid';
import type { Vr } from './dictionary';
import { DICTIONARY } from './dictionary';
import { formatDs, formatIs } from './values';

export type DicomValue =
  string | number | readonly (string | number)[] | Uint8Array | readonly DicomDataset[] | null;

export interface DicomDataset {
  [keyword: string]: DicomValue | undefined;
}

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

const LONG_LENGTH_VRS = new Set([
  'OB',
  'OD',
  'OF',
  'OL',
  'OV',
  'OW',
  'SQ',
  'SV',
  'UC',
  'UN',
  'UR',
  'UT',
  'UV',
]);
const MAX_CHARS: Partial<Record<Vr, number>> = {
  AE: 16,
  AS: 4,
  CS: 16,
  DA: 8,
  DS: 16,
  DT: 26,
  IS: 12,
  LO: 64,
  PN: 64,
  SH: 16,
  TM: 14,
  UI: 64,
  ST: 1024,
  LT: 10240,
};
const BINARY_WIDTH: Partial<Record<Vr, number>> = {
  US: 2,
  SS: 2,
  UL: 4,
  SL: 4,
  FL: 4,
  FD: 8,
  AT: 4,
};

if (endianness() !== 'LE') {
  throw new Error('The phantom writer assumes a little-endian CPU; run it on x86-64 or ARM64.');
}

function textOf(vr: Vr, value: DicomValue): string {
  const items = Array.isArray(value) ? value : value === null ? [] : [value];
  const parts = items.map((v) => {
    if (typeof v !== 'number') return String(v);

    return vr === 'DS' ? formatDs(v) : vr === 'IS' ? formatIs(v) : String(v);
  });
  const limit = MAX_CHARS[vr];
  for (const part of parts) {
    if (limit !== undefined && part.length > limit) {
      throw new Error(`Value "${part}" is longer than ${limit} characters, the limit of ${vr}.`);
    }
  }

  return parts.join('\\');
}

function padText(vr: Vr, text: string): Buffer {
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.length % 2 === 0) return bytes;

  return Buffer.concat([bytes, Buffer.from([vr === 'UI' ? 0 : 0x20])]);
}

function binaryOf(vr: Vr, value: DicomValue): Buffer {
  const items = (Array.isArray(value) ? value : value === null ? [] : [value]) as number[];
  const width = BINARY_WIDTH[vr]!;
  const out = Buffer.alloc(items.length * width);
  items.forEach((v, i) => {
    const at = i * width;
    if (vr === 'US') out.writeUInt16LE(v, at);
    else if (vr === 'SS') out.writeInt16LE(v, at);
    else if (vr === 'UL') out.writeUInt32LE(v, at);
    else if (vr === 'SL') out.writeInt32LE(v, at);
    else if (vr === 'FL') out.writeFloatLE(v, at);
    else if (vr === 'FD') out.writeDoubleLE(v, at);
    else {
      out.writeUInt16LE(v >>> 16, at);
      out.writeUInt16LE(v & 0xffff, at + 2);
    }
  });

  return out;
}

function header(tag: number, vr: Vr, length: number): Buffer {
  const long = LONG_LENGTH_VRS.has(vr);
  const out = Buffer.alloc(long ? 12 : 8);
  out.writeUInt16LE(tag >>> 16, 0);
  out.writeUInt16LE(tag & 0xffff, 2);
  out.write(vr, 4, 'latin1');
  if (long) out.writeUInt32LE(length, 8);
  else out.writeUInt16LE(length, 6);

  return out;
}

function itemOf(dataset: DicomDataset): Buffer {
  const body = encodeDataset(dataset);
  const head = Buffer.alloc(8);
  head.writeUInt16LE(0xfffe, 0);
  head.writeUInt16LE(0xe000, 2);
  head.writeUInt32LE(body.length, 4);

  return Buffer.concat([head, body]);
}

function valueBytes(vr: Vr, value: DicomValue): Buffer {
  if (vr === 'SQ') return Buffer.concat((value as readonly DicomDataset[]).map(itemOf));
  if (value instanceof Uint8Array) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);

    return bytes.length % 2 === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(1)]);
  }
  if (BINARY_WIDTH[vr] !== undefined) return binaryOf(vr, value);

  return padText(vr, textOf(vr, value));
}

/** Pixel Data is OW for 16-bit pixels and OB for 1- or 8-bit ones. */
function vrFor(keyword: string, vr: Vr | 'ox', dataset: DicomDataset): Vr {
  if (vr !== 'ox') return vr;

  return Number(dataset.BitsAllocated ?? 16) > 8 ? 'OW' : 'OB';
}

export function encodeDataset(dataset: DicomDataset): Buffer {
  const entries = Object.entries(dataset).filter(([, v]) => v !== undefined);
  const tagged = entries.map(([keyword, value]) => {
    const entry = DICTIONARY[keyword];
    if (!entry) throw new Error(`"${keyword}" is not in the phantom's DICOM dictionary; add it.`);

    return { tag: entry[0], vr: vrFor(keyword, entry[1], dataset), value: value as DicomValue };
  });
  tagged.sort((a, b) => a.tag - b.tag);
  const chunks = tagged.flatMap(({ tag, vr, value }) => {
    const bytes = valueBytes(vr, value);

    return [header(tag, vr, bytes.length), bytes];
  });

  return Buffer.concat(chunks);
}

function metaHeader(sopClassUid: string, sopInstanceUid: string): Buffer {
  const group = encodeDataset({
    FileMetaInformationVersion: new Uint8Array([0, 1]),
    MediaStorageSOPClassUID: sopClassUid,
    MediaStorageSOPInstanceUID: sopInstanceUid,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION,
  });
  const length = encodeDataset({ FileMetaInformationGroupLength: group.length });

  return Buffer.concat([length, group]);
}

/** A complete Part 10 file: preamble, "DICM", meta group, then the dataset. */
export function encodePart10(dataset: DicomDataset): Buffer {
  const sopClassUid = String(dataset.SOPClassUID);
  const sopInstanceUid = String(dataset.SOPInstanceUID);
  const preamble = Buffer.alloc(132);
  preamble.write('DICM', 128, 'latin1');

  return Buffer.concat([preamble, metaHeader(sopClassUid, sopInstanceUid), encodeDataset(dataset)]);
}
