/**
 * Transfer syntaxes by UID: their name, how the dataset is encoded, and which pixel
 * decoder handles them. Anything not listed as supported is refused by name.
 */

export type PixelEncoding =
  'native' | 'rle' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg-2000' | 'jpeg-8bit';

export interface TransferSyntax {
  uid: string;
  name: string;
  /** null when Hallmark cannot decode the pixels of this syntax. */
  encoding: PixelEncoding | null;
  bigEndian: boolean;
  deflated: boolean;
}

type Row = [uid: string, name: string, encoding: PixelEncoding | null];

const ROWS: Row[] = [
  ['1.2.840.10008.1.2', 'Implicit VR Little Endian', 'native'],
  ['1.2.840.10008.1.2.1', 'Explicit VR Little Endian', 'native'],
  ['1.2.840.10008.1.2.1.99', 'Deflated Explicit VR Little Endian', 'native'],
  ['1.2.840.10008.1.2.2', 'Explicit VR Big Endian', 'native'],
  ['1.2.840.10008.1.2.5', 'RLE Lossless', 'rle'],
  ['1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1)', 'jpeg-8bit'],
  ['1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 and 4)', 'jpeg-8bit'],
  ['1.2.840.10008.1.2.4.57', 'JPEG Lossless (Process 14)', 'jpeg-lossless'],
  ['1.2.840.10008.1.2.4.70', 'JPEG Lossless (Process 14, Selection Value 1)', 'jpeg-lossless'],
  ['1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless', 'jpeg-ls'],
  ['1.2.840.10008.1.2.4.81', 'JPEG-LS Near-Lossless', 'jpeg-ls'],
  ['1.2.840.10008.1.2.4.90', 'JPEG 2000 Lossless', 'jpeg-2000'],
  ['1.2.840.10008.1.2.4.91', 'JPEG 2000', 'jpeg-2000'],
  ['1.2.840.10008.1.2.1.98', 'Encapsulated Uncompressed Explicit VR Little Endian', null],
  ['1.2.840.10008.1.2.4.92', 'JPEG 2000 Part 2 Multi-component Lossless', null],
  ['1.2.840.10008.1.2.4.93', 'JPEG 2000 Part 2 Multi-component', null],
  ['1.2.840.10008.1.2.4.94', 'JPIP Referenced', null],
  ['1.2.840.10008.1.2.4.95', 'JPIP Referenced Deflate', null],
  ['1.2.840.10008.1.2.4.100', 'MPEG2 Main Profile', null],
  ['1.2.840.10008.1.2.4.101', 'MPEG2 High Profile', null],
  ['1.2.840.10008.1.2.4.102', 'MPEG-4 AVC/H.264', null],
  ['1.2.840.10008.1.2.4.103', 'MPEG-4 AVC/H.264 BD-compatible', null],
  ['1.2.840.10008.1.2.4.107', 'HEVC/H.265 Main Profile', null],
  ['1.2.840.10008.1.2.4.108', 'HEVC/H.265 Main 10 Profile', null],
  ['1.2.840.10008.1.2.4.110', 'JPEG XL Lossless', null],
  ['1.2.840.10008.1.2.4.111', 'JPEG XL JPEG Recompression', null],
  ['1.2.840.10008.1.2.4.112', 'JPEG XL', null],
  ['1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 Lossless', null],
  ['1.2.840.10008.1.2.4.202', 'High-Throughput JPEG 2000 RPCL Lossless', null],
  ['1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000', null],
];

const BY_UID = new Map(
  ROWS.map(([uid, name, encoding]) => [
    uid,
    {
      uid,
      name,
      encoding,
      bigEndian: uid === '1.2.840.10008.1.2.2',
      deflated: uid === '1.2.840.10008.1.2.1.99',
    },
  ]),
);

/** Retired JPEG processes (4.52 to 4.66 other than 4.57) share one name. */
function retiredJpeg(uid: string): TransferSyntax | undefined {
  const match = /^1\.2\.840\.10008\.1\.2\.4\.(\d+)$/.exec(uid);
  const process = Number(match?.[1]);
  if (!(process >= 52 && process <= 66)) return undefined;

  const name = `JPEG (retired process, ${uid})`;

  return { uid, name, encoding: null, bigEndian: false, deflated: false };
}

export function lookupTransferSyntax(uid: string): TransferSyntax | undefined {
  return BY_UID.get(uid) ?? retiredJpeg(uid);
}

export const IMPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
