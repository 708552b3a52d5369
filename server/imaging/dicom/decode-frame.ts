/**
 * Builds the decodeFrame function of an instance. Every failure becomes a DicomRejection
 * that names the file, the frame and what went wrong.
 */
import type { DataSet } from 'dicom-parser';
import { decodeCompressedFrame } from './codecs/compressed';
import { decodeNativeFrame } from './codecs/native';
import { codecsLoaded } from './codecs/load';
import { encapsulatedFrame } from './encapsulated';
import type { FramePixels } from './instance';
import type { PixelLayout } from './pixel-layout';
import { DicomRejection } from './rejection';
import type { TransferSyntax } from './transfer-syntax';

const WASM_ENCODINGS = new Set(['jpeg-ls', 'jpeg-2000', 'jpeg-8bit']);

function nativeBytes(ds: DataSet, layout: PixelLayout): Uint8Array {
  const { dataOffset, length } = layout.element;

  return ds.byteArray.subarray(dataOffset, dataOffset + length);
}

function decodeOne(ds: DataSet, layout: PixelLayout, ts: TransferSyntax, index: number) {
  if (ts.encoding === 'native')
    return decodeNativeFrame(nativeBytes(ds, layout), layout, index, ts.bigEndian);

  const frame = encapsulatedFrame(ds, layout, index);
  if (frame === undefined) throw new Error('its compressed fragments could not be found');

  return decodeCompressedFrame(ts.encoding!, frame, layout);
}

/** Emscripten codecs throw bare numbers (C++ exception pointers), which mean nothing to a user. */
function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;

  return typeof cause === 'number' ? 'the codec reported an internal error' : String(cause);
}

export function frameDecoder(
  ds: DataSet,
  layout: PixelLayout,
  ts: TransferSyntax,
  source: string,
): (index: number) => FramePixels {
  return (index) => {
    if (!Number.isInteger(index) || index < 0 || index >= layout.frames) {
      throw new RangeError(`frame ${index} does not exist; ${source} has ${layout.frames}.`);
    }
    if (WASM_ENCODINGS.has(ts.encoding ?? '') && !codecsLoaded()) {
      throw new DicomRejection(
        'CODECS_NOT_LOADED',
        source,
        `${ts.name} needs the image codecs; await loadCodecs() once before decoding.`,
      );
    }
    try {
      return decodeOne(ds, layout, ts, index);
    } catch (cause) {
      const detail = describeCause(cause);
      throw new DicomRejection(
        'DECODE_FAILED',
        source,
        `frame ${index + 1} of ${layout.frames} (${ts.name}) could not be decoded: ${detail}; ` +
          'the file is probably damaged or truncated.',
        { cause },
      );
    }
  };
}
