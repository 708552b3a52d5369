/** Writes tiny Explicit VR Little Endian Part 10 files for tests of the parser's guards. */

export type El = [group: number, element: number, vr: string, value: Uint8Array | string];

const LONG_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN']);

function valueBytes(value: Uint8Array | string, vr: string): Uint8Array {
  if (typeof value !== 'string') return value;
  const padded = value.length % 2 === 0 ? value : value + (vr === 'UI' ? '\0' : ' ');

  return new TextEncoder().encode(padded);
}

/** One element; `declaredLength` lets a test write a length field that lies. */
export function element([group, elem, vr, value]: El, declaredLength?: number): Uint8Array {
  const body = valueBytes(value, vr);
  const long = LONG_VRS.has(vr);
  const head = new DataView(new ArrayBuffer(long ? 12 : 8));
  head.setUint16(0, group, true);
  head.setUint16(2, elem, true);
  head.setUint8(4, vr.charCodeAt(0));
  head.setUint8(5, vr.charCodeAt(1));
  if (long) head.setUint32(8, declaredLength ?? body.length, true);
  else head.setUint16(6, declaredLength ?? body.length, true);

  return concat([new Uint8Array(head.buffer), body]);
}

export function us(value: number): Uint8Array {
  return new Uint8Array(new Uint16Array([value]).buffer);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }

  return out;
}

export const CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2';

/** Preamble, DICM, the transfer syntax, then the given dataset bytes. */
export function part10(dataset: Uint8Array, transferSyntax = '1.2.840.10008.1.2.1'): Uint8Array {
  const meta = element([0x0002, 0x0010, 'UI', transferSyntax]);

  return concat([new Uint8Array(128), new TextEncoder().encode('DICM'), meta, dataset]);
}

/** A CT image header of rows x columns x frames, 16-bit, followed by `pixels`. */
export function ctImage(rows: number, columns: number, pixels: Uint8Array, frames = 1): Uint8Array {
  return concat([
    element([0x0008, 0x0016, 'UI', CT_IMAGE]),
    element([0x0008, 0x0060, 'CS', 'CT']),
    element([0x0028, 0x0002, 'US', us(1)]),
    element([0x0028, 0x0008, 'IS', String(frames)]),
    element([0x0028, 0x0010, 'US', us(rows)]),
    element([0x0028, 0x0011, 'US', us(columns)]),
    element([0x0028, 0x0100, 'US', us(16)]),
    element([0x0028, 0x0103, 'US', us(1)]),
    element([0x7fe0, 0x0010, 'OW', pixels]),
  ]);
}
