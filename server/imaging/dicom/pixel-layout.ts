/**
 * The shape of an instance's pixels, checked before anything is allocated: dimensions
 * must be sane and, for native encodings, the Pixel Data length must match them.
 */
import type { DataSet, Element } from 'dicom-parser';
import { DicomRejection } from './rejection';
import { binary, text } from './values';

/**
 * Largest decoded pixel buffer one instance may describe: 1 GiB. A 512x512 CT slice is
 * 0.5 MiB and a 2000-frame enhanced MR of 256x256 int16 is 250 MiB, so real data fits;
 * a corrupt Rows or NumberOfFrames cannot make us reserve gigabytes.
 */
export const MAX_PIXEL_BYTES = 1024 ** 3;
// Pixel values are not masked to BitsStored: stray high bits in a 12-bit image would
// survive into the volume (masking would also need sign extension for signed data).

export type SampleKind = 'integer' | 'float32' | 'float64';

export interface PixelLayout {
  rows: number;
  columns: number;
  frames: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  pixelRepresentation: number;
  planarConfiguration: number;
  photometric: string;
  kind: SampleKind;
  element: Element;
}

const PIXEL_TAGS = [
  ['x7fe00010', 'integer'],
  ['x7fe00008', 'float32'],
  ['x7fe00009', 'float64'],
] as const;

function findPixelElement(ds: DataSet): { element: Element; kind: SampleKind } | undefined {
  for (const [tag, kind] of PIXEL_TAGS) {
    const element = ds.elements[tag];
    if (element !== undefined) return { element, kind };
  }

  return undefined;
}

function frameCount(ds: DataSet, source: string): number {
  const raw = text(ds, 'x00280008');
  if (raw === undefined) return 1;
  const frames = Number(raw);
  if (!Number.isInteger(frames) || frames < 1) {
    throw new DicomRejection(
      'BAD_VALUE',
      source,
      `NumberOfFrames is '${raw}', not a positive whole number; the file is damaged.`,
    );
  }

  return frames;
}

/** Bytes of one frame, rounded up to whole bytes per frame for 1-bit data. */
export function frameBits(layout: PixelLayout): number {
  return layout.rows * layout.columns * layout.samplesPerPixel * layout.bitsAllocated;
}

function checkSize(layout: PixelLayout, source: string): void {
  const { rows, columns, bitsAllocated, samplesPerPixel } = layout;
  if (rows < 1 || columns < 1 || ![1, 8, 16, 32, 64].includes(bitsAllocated)) {
    throw new DicomRejection(
      'BAD_VALUE',
      source,
      `image of ${rows}x${columns} with ${bitsAllocated} bits allocated cannot be read.`,
    );
  }
  if (samplesPerPixel !== 1 && samplesPerPixel !== 3) {
    throw new DicomRejection(
      'BAD_VALUE',
      source,
      `SamplesPerPixel is ${samplesPerPixel}; only 1 (grey) or 3 (colour) are read.`,
    );
  }
  const totalBytes = Math.ceil((frameBits(layout) * layout.frames) / 8);
  if (totalBytes > MAX_PIXEL_BYTES) {
    throw new DicomRejection(
      'ABSURD_DIMENSIONS',
      source,
      `${rows}x${columns}x${layout.frames} frames would need ${totalBytes} bytes, over the ` +
        `${MAX_PIXEL_BYTES}-byte limit per instance; the header is probably damaged.`,
    );
  }
}

/** Native pixel data must hold exactly the described pixels (plus one pad byte). */
export function checkNativeLength(layout: PixelLayout, source: string): void {
  const expected = Math.ceil((frameBits(layout) * layout.frames) / 8);
  const actual = layout.element.length;
  if (actual === expected || actual === expected + (expected % 2)) return;

  throw new DicomRejection(
    'PIXEL_LENGTH_MISMATCH',
    source,
    `Pixel Data holds ${actual} bytes but ${layout.rows}x${layout.columns}x` +
      `${layout.frames} frames need ${expected}; the file is truncated or damaged.`,
  );
}

export function readPixelLayout(ds: DataSet, source: string): PixelLayout | undefined {
  const found = findPixelElement(ds);
  if (found === undefined) return undefined;

  const isFloat = found.kind !== 'integer';
  const bitsAllocated = binary(ds, 'x00280100') ?? (found.kind === 'float64' ? 64 : 0);
  const layout: PixelLayout = {
    rows: binary(ds, 'x00280010') ?? 0,
    columns: binary(ds, 'x00280011') ?? 0,
    frames: frameCount(ds, source),
    samplesPerPixel: binary(ds, 'x00280002') ?? 1,
    bitsAllocated,
    bitsStored: binary(ds, 'x00280101') ?? bitsAllocated,
    pixelRepresentation: isFloat ? 0 : (binary(ds, 'x00280103') ?? 0),
    planarConfiguration: binary(ds, 'x00280006') ?? 0,
    photometric: text(ds, 'x00280004') ?? 'MONOCHROME2',
    kind: found.kind,
    element: found.element,
  };
  checkSize(layout, source);

  return layout;
}
