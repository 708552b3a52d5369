/**
 * ImageVolume → itk-wasm Image. Both keep the direction row-major with the axis
 * directions as columns (itk-wasm stores element (row, column) at column + row · 3), so
 * geometry passes through unchanged. Registration always works on float32 pixels.
 *
 * itk-wasm comes in with @itk-wasm/elastix; only its types are imported here, and the
 * object is built literally so nothing depends on its classes at run time.
 */
import type { Image } from 'itk-wasm';
import type { ImageVolume } from '../imaging/image';

export function toItkImage(volume: ImageVolume, name = 'image'): Image {
  const data = volume.data instanceof Float32Array ? volume.data : Float32Array.from(volume.data);

  return {
    imageType: { dimension: 3, componentType: 'float32', pixelType: 'Scalar', components: 1 },
    name,
    origin: [...volume.originMm],
    spacing: [...volume.spacingMm],
    direction: Float64Array.from(volume.direction),
    size: [...volume.size],
    metadata: new Map(),
    data,
  };
}
