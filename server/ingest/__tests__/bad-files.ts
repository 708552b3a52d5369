import dicomParser from 'dicom-parser';

/**
 * Broken variants of a real DICOM file, made by editing its bytes where the parser
 * says an element lies. Each imitates a failure seen in the wild.
 */
export function elementOf(bytes: Uint8Array, tag: string) {
  const ds = dicomParser.parseDicom(bytes);
  const element = ds.elements[tag];
  if (!element) throw new Error(`The sample has no ${tag}.`);

  return element;
}

/** The file cut off half-way through its pixel data. */
export function truncated(bytes: Uint8Array): Uint8Array {
  const pixels = elementOf(bytes, 'x7fe00010');

  return bytes.slice(0, pixels.dataOffset + Math.floor(pixels.length / 2));
}

/** Pixel Data whose length field claims far more bytes than the file holds. */
export function lyingLength(bytes: Uint8Array): Uint8Array {
  const pixels = elementOf(bytes, 'x7fe00010');
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(pixels.dataOffset - 4, 0x7ffffff0, true);

  return out;
}

/** Rows and Columns of 65535 over a 512x512 pixel buffer. */
export function absurdDimensions(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  view.setUint16(elementOf(bytes, 'x00280010').dataOffset, 65535, true);
  view.setUint16(elementOf(bytes, 'x00280011').dataOffset, 65535, true);

  return out;
}

/** Same SOP Instance UID, different pixel content. */
export function alteredPixels(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const pixels = elementOf(bytes, 'x7fe00010');
  out[pixels.dataOffset + 10] = (out[pixels.dataOffset + 10] ?? 0) ^ 0xff;

  return out;
}
