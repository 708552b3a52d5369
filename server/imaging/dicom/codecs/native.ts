/**
 * Native (uncompressed) frames: byte order, 1-bit unpacking and planar reordering.
 *
 * Big endian 8-bit data stored as OW would need its byte pairs swapped; it is read as is,
 * because no scanner we know writes it and there is no sample to test it on.
 */
import type { FramePixels } from '../instance';
import type { PixelLayout } from '../pixel-layout';
import { asSamples, bytesPerSample, samplesPerFrame } from '../sample-array';

function swapInPlace(bytes: Uint8Array, width: number): void {
  for (let at = 0; at + width <= bytes.length; at += width) {
    bytes.subarray(at, at + width).reverse();
  }
}

/** 1-bit data is packed least significant bit first, frames back to back without padding. */
function unpackBits(data: Uint8Array, firstBit: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const bit = firstBit + i;
    out[i] = (data[bit >> 3]! >> (bit & 7)) & 1;
  }

  return out;
}

/** Colour planes (RRR..GGG..BBB) to interleaved pixels (RGBRGB..), as readers expect. */
export function interleavePlanes(bytes: Uint8Array, layout: PixelLayout): Uint8Array {
  const pixels = layout.rows * layout.columns;
  const width = bytesPerSample(layout);
  const spp = layout.samplesPerPixel;
  const out = new Uint8Array(bytes.length);
  for (let s = 0; s < spp; s++) {
    for (let p = 0; p < pixels; p++) {
      const from = (s * pixels + p) * width;
      out.set(bytes.subarray(from, from + width), (p * spp + s) * width);
    }
  }

  return out;
}

export function decodeNativeFrame(
  pixelBytes: Uint8Array,
  layout: PixelLayout,
  index: number,
  bigEndian: boolean,
): FramePixels {
  const count = samplesPerFrame(layout);
  if (layout.bitsAllocated === 1)
    return asSamples(layout, unpackBits(pixelBytes, index * count, count));

  const width = bytesPerSample(layout);
  const start = index * count * width;
  let bytes: Uint8Array = pixelBytes.slice(start, start + count * width);
  if (bigEndian && width > 1) swapInPlace(bytes, width);
  if (layout.samplesPerPixel > 1 && layout.planarConfiguration === 1) {
    bytes = interleavePlanes(bytes, layout);
  }

  return asSamples(layout, bytes);
}

export { unpackBits };
