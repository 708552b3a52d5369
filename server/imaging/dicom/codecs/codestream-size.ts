/**
 * Reads the image size a JPEG-family or JPEG 2000 codestream declares, so that it can be
 * compared with Rows and Columns before a decoder allocates an output buffer from it.
 */

export interface CodestreamSize {
  width: number;
  height: number;
  precision: number;
  components: number;
}

const SOF_MARKERS = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf, 0xf7,
]);

function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

function u32(b: Uint8Array, at: number): number {
  return u16(b, at) * 65536 + u16(b, at + 2);
}

/** JPEG, JPEG lossless and JPEG-LS: walk marker segments from SOI to the first SOF. */
export function jpegSize(b: Uint8Array): CodestreamSize | undefined {
  if (u16(b, 0) !== 0xffd8) return undefined;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (SOF_MARKERS.has(marker)) {
      const precision = b[at + 4]!;

      return { precision, height: u16(b, at + 5), width: u16(b, at + 7), components: b[at + 9]! };
    }
    at += 2 + u16(b, at + 2);
  }

  return undefined;
}

/** JPEG 2000: the SIZ segment that follows SOC, possibly inside a JP2 wrapper. */
export function j2kSize(b: Uint8Array): CodestreamSize | undefined {
  const limit = Math.min(b.length - 40, 4096);
  for (let at = 0; at <= limit; at++) {
    if (u16(b, at) !== 0xff4f || u16(b, at + 2) !== 0xff51) continue;
    const siz = at + 4;
    const width = u32(b, siz + 4) - u32(b, siz + 12);
    const height = u32(b, siz + 8) - u32(b, siz + 16);
    const components = u16(b, siz + 36);
    const precision = ((b[siz + 38] ?? 0) & 0x7f) + 1;

    return { width, height, precision, components };
  }

  return undefined;
}
