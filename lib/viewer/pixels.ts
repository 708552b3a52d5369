export type ViewerPixelType = 'uint8' | 'int16' | 'uint16' | 'int32' | 'float32' | 'float64';

/** The typed view of a slice's raw little-endian bytes. */
export function typedSlice(buffer: ArrayBuffer, pixelType: ViewerPixelType): ArrayLike<number> {
  switch (pixelType) {
    case 'uint8':
      return new Uint8Array(buffer);
    case 'int16':
      return new Int16Array(buffer);
    case 'uint16':
      return new Uint16Array(buffer);
    case 'int32':
      return new Int32Array(buffer);
    case 'float32':
      return new Float32Array(buffer);
    case 'float64':
      return new Float64Array(buffer);
  }
}
