/** Which typed array holds the stored values of a pixel layout, by one lookup. */
import type { FramePixels } from './instance';
import type { PixelLayout } from './pixel-layout';

type ArrayMaker = (buffer: ArrayBuffer) => FramePixels;

const MAKERS: Record<string, ArrayMaker> = {
  'integer/1/0': (b) => new Uint8Array(b),
  'integer/8/0': (b) => new Uint8Array(b),
  'integer/8/1': (b) => new Int8Array(b),
  'integer/16/0': (b) => new Uint16Array(b),
  'integer/16/1': (b) => new Int16Array(b),
  'integer/32/0': (b) => new Uint32Array(b),
  'integer/32/1': (b) => new Int32Array(b),
  'float32/32/0': (b) => new Float32Array(b),
  'float64/64/0': (b) => new Float64Array(b),
};

/** Bytes per stored sample once unpacked (1-bit data unpacks to one byte per pixel). */
export function bytesPerSample(layout: PixelLayout): number {
  return Math.max(1, layout.bitsAllocated / 8);
}

export function samplesPerFrame(layout: PixelLayout): number {
  return layout.rows * layout.columns * layout.samplesPerPixel;
}

export function arrayMakerFor(layout: PixelLayout): ArrayMaker | undefined {
  const sign =
    layout.kind === 'integer' && layout.bitsAllocated > 1 ? layout.pixelRepresentation : 0;

  return MAKERS[`${layout.kind}/${layout.bitsAllocated}/${sign}`];
}

/** Wrap little-endian sample bytes (a private copy) as the layout's typed array. */
export function asSamples(layout: PixelLayout, bytes: Uint8Array): FramePixels {
  const make = arrayMakerFor(layout);
  if (make === undefined)
    throw new Error(`no array type for ${layout.kind} ${layout.bitsAllocated}`);
  const own =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? bytes.buffer
      : bytes.slice().buffer;

  return make(own as ArrayBuffer);
}
