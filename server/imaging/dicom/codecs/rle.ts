/**
 * DICOM RLE Lossless (PS3.5 annex G). A frame is a 64-byte header (segment count and up
 * to 15 offsets) and byte segments, one per byte plane, most significant byte first,
 * each PackBits-encoded. Lengths are checked against the real fragment, never trusted.
 */
import type { FramePixels } from '../instance';
import type { PixelLayout } from '../pixel-layout';
import { asSamples, bytesPerSample } from '../sample-array';
import { unpackBits } from './native';

const HEADER_BYTES = 64;

/** PackBits into `out`; returns how many bytes were written. */
function unpackSegment(src: Uint8Array, out: Uint8Array): number {
  let read = 0;
  let written = 0;
  while (read < src.length && written < out.length) {
    const control = (src[read++]! << 24) >> 24;
    if (control >= 0) {
      const run = Math.min(control + 1, out.length - written, src.length - read);
      out.set(src.subarray(read, read + run), written);
      read += run;
      written += run;
    } else if (control !== -128) {
      const run = Math.min(1 - control, out.length - written);
      out.fill(src[read++] ?? 0, written, written + run);
      written += run;
    }
  }

  return written;
}

function segmentBounds(frame: Uint8Array, expected: number): [number, number][] {
  if (frame.length < HEADER_BYTES) throw new Error('RLE frame shorter than its header');
  const view = new DataView(frame.buffer, frame.byteOffset, HEADER_BYTES);
  const count = view.getUint32(0, true);
  if (count !== expected) throw new Error(`RLE frame has ${count} segments, expected ${expected}`);
  const offsets = Array.from({ length: count }, (_, i) => view.getUint32(4 + 4 * i, true));

  return offsets.map((start, i) => {
    const end = offsets[i + 1] ?? frame.length;
    if (start < HEADER_BYTES || end > frame.length || end < start) {
      throw new Error('RLE segment offsets point outside the frame');
    }

    return [start, end];
  });
}

export function decodeRleFrame(frame: Uint8Array, layout: PixelLayout): FramePixels {
  const pixels = layout.rows * layout.columns;
  const isBits = layout.bitsAllocated === 1;
  const width = bytesPerSample(layout);
  const planeBytes = isBits ? Math.ceil(pixels / 8) : pixels;
  const bounds = segmentBounds(frame, layout.samplesPerPixel * (isBits ? 1 : width));
  const out = new Uint8Array(isBits ? planeBytes : pixels * layout.samplesPerPixel * width);
  const plane = new Uint8Array(planeBytes);

  bounds.forEach(([start, end], segment) => {
    plane.fill(0);
    if (unpackSegment(frame.subarray(start, end), plane) !== planeBytes) {
      throw new Error(`RLE segment ${segment} decodes short`);
    }
    if (isBits) return out.set(plane);
    const sample = Math.floor(segment / width);
    const byteInSample = width - 1 - (segment % width);
    for (let p = 0; p < pixels; p++) {
      out[(p * layout.samplesPerPixel + sample) * width + byteInSample] = plane[p]!;
    }
  });

  return asSamples(layout, isBits ? unpackBits(out, 0, pixels) : out);
}
