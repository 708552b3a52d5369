/** One compressed frame through the codec its transfer syntax names. */
import { Decoder as JpegLosslessDecoder } from 'jpeg-lossless-decoder-js';
import type { FramePixels } from '../instance';
import type { PixelLayout } from '../pixel-layout';
import { asSamples, bytesPerSample, samplesPerFrame } from '../sample-array';
import type { PixelEncoding } from '../transfer-syntax';
import { type CodestreamSize, j2kSize, jpegSize } from './codestream-size';
import { decodeRleFrame } from './rle';
import { wasmDecode } from './load';

/** Refuse a codestream whose declared size differs from the header before decoding it. */
function checkDeclaredSize(declared: CodestreamSize | undefined, layout: PixelLayout): void {
  if (declared === undefined) throw new Error('no frame header found in the codestream');
  if (declared.width !== layout.columns || declared.height !== layout.rows) {
    throw new Error(
      `codestream is ${declared.width}x${declared.height} but the header says ` +
        `${layout.columns}x${layout.rows}`,
    );
  }
}

function fromCodecBytes(bytes: Uint8Array, layout: PixelLayout): FramePixels {
  const expected = samplesPerFrame(layout) * bytesPerSample(layout);
  if (bytes.length !== expected) {
    throw new Error(`decoder returned ${bytes.length} bytes, expected ${expected}`);
  }

  return asSamples(layout, bytes);
}

function decodeJpegLossless(frame: Uint8Array, layout: PixelLayout): FramePixels {
  checkDeclaredSize(jpegSize(frame), layout);
  const own = frame.slice();
  const decoded = new JpegLosslessDecoder().decode(
    own.buffer,
    0,
    own.length,
    bytesPerSample(layout),
  );

  return fromCodecBytes(
    new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength),
    layout,
  );
}

function decodeWasm(
  codec: 'jpeg-ls' | 'jpeg-2000' | 'jpeg-8bit',
  frame: Uint8Array,
  layout: PixelLayout,
) {
  checkDeclaredSize(codec === 'jpeg-2000' ? j2kSize(frame) : jpegSize(frame), layout);
  const { bytes, info } = wasmDecode(codec, frame);
  if (info.width !== layout.columns || info.height !== layout.rows) {
    throw new Error(
      `decoded ${info.width}x${info.height}, expected ${layout.columns}x${layout.rows}`,
    );
  }

  return fromCodecBytes(bytes, layout);
}

export function decodeCompressedFrame(
  encoding: Exclude<PixelEncoding, 'native'>,
  frame: Uint8Array,
  layout: PixelLayout,
): FramePixels {
  switch (encoding) {
    case 'rle':
      return decodeRleFrame(frame, layout);
    case 'jpeg-lossless':
      return decodeJpegLossless(frame, layout);
    default:
      return decodeWasm(encoding, frame, layout);
  }
}
