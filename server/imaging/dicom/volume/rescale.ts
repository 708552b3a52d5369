/**
 * Stored values to modality values (value = stored * slope + intercept), slice by slice,
 * since PET slices each carry their own slope. Integer results keep an integer type when
 * every slope is 1 and every intercept whole (CT stays int16); anything else is float32.
 */
import { allocatePixels, type PixelArray, type PixelType } from '../../image';
import type { FramePixels } from '../instance';
import type { SliceRecord } from './slices';

const INTEGER_TYPES: [PixelType, number, number][] = [
  ['uint8', 0, 255],
  ['int16', -32768, 32767],
  ['uint16', 0, 65535],
  ['int32', -2147483648, 2147483647],
];

function range(values: FramePixels, intercept: number): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }

  return [lo + intercept, hi + intercept];
}

function isIntegerRescale(slices: SliceRecord[]): boolean {
  return slices.every((s) => !s.isFloat && s.slope === 1 && Number.isInteger(s.intercept));
}

/** uint8 only when the stored data already is bytes; otherwise the narrowest that fits. */
function integerType(slices: SliceRecord[], frames: FramePixels[]): PixelType {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  frames.forEach((frame, i) => {
    const [a, b] = range(frame, slices[i]!.intercept);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  });
  const bytesIn = frames.every((f) => f instanceof Uint8Array);
  const fits = INTEGER_TYPES.find(
    ([type, min, max]) => (type !== 'uint8' || bytesIn) && lo >= min && hi <= max,
  );

  return fits?.[0] ?? 'float32';
}

export function rescaledPixelType(slices: SliceRecord[], frames: FramePixels[]): PixelType {
  return isIntegerRescale(slices) ? integerType(slices, frames) : 'float32';
}

export function fillVolume(
  pixelType: PixelType,
  slices: SliceRecord[],
  frames: FramePixels[],
): PixelArray {
  const perSlice = frames[0]?.length ?? 0;
  const data = allocatePixels(pixelType, perSlice * frames.length);
  frames.forEach((frame, k) => {
    const { slope, intercept } = slices[k]!;
    const offset = k * perSlice;
    for (let i = 0; i < perSlice; i++) data[offset + i] = frame[i]! * slope + intercept;
  });

  return data;
}
