/** Hand-made volumes for the worked examples. */
import type { ImageVolume, Mat3, Vec3 } from '@/server/imaging/image';
import { createImage, IDENTITY_DIRECTION } from '@/server/imaging/image';

export function volume(
  size: Vec3,
  spacingMm: Vec3,
  values: ArrayLike<number>,
  options: { originMm?: Vec3; direction?: Mat3; pixelType?: 'float64' | 'uint8' } = {},
): ImageVolume {
  const pixelType = options.pixelType ?? 'float64';
  const data = pixelType === 'uint8' ? Uint8Array.from(values) : Float64Array.from(values);

  return createImage(
    {
      size,
      spacingMm,
      originMm: options.originMm ?? [0, 0, 0],
      direction: options.direction ?? [...IDENTITY_DIRECTION],
    },
    pixelType,
    data,
  );
}

export function filled(size: Vec3, value: number): number[] {
  return new Array<number>(size[0] * size[1] * size[2]).fill(value);
}

export function at(size: Vec3, i: number, j: number, k: number): number {
  return (k * size[1] + j) * size[0] + i;
}
