/**
 * Block-average downsampling for registration. Each axis is reduced by the integer
 * factor f = max(1, floor(targetSpacingMm / spacingMm)), so a 0.7 x 0.7 x 1.25 mm CT
 * becomes about 2.8 x 2.8 x 2.5 mm with the default 2.5 mm target. The new voxel (i, j,
 * k) is the mean of the f-blocks it covers (a trailing partial block is dropped), and
 * its centre is the centre of that block:
 *   origin' = origin + direction · diag(spacing) · (f − 1) / 2,  spacing' = f · spacing.
 * Averaging (rather than picking) keeps the lower resolution free of aliasing.
 */
import { createImage, type ImageVolume, type Vec3 } from '../imaging/image';

/** Default target spacing (mm): fine enough for 2 mm accuracy, coarse enough to be fast. */
export const REGISTRATION_SPACING_MM = 2.5;

export function downsampleFactors(spacingMm: Vec3, targetSpacingMm: number): Vec3 {
  return spacingMm.map((s) => Math.max(1, Math.floor(targetSpacingMm / s + 1e-6))) as Vec3;
}

export function downsampleVolume(volume: ImageVolume, targetSpacingMm: number): ImageVolume {
  // An axis is never reduced by more than its own length (a single slice stays one).
  const f = downsampleFactors(volume.spacingMm, targetSpacingMm)
    .map((factor, a) => Math.min(factor, volume.size[a] ?? 1)) as Vec3;
  if (f[0] === 1 && f[1] === 1 && f[2] === 1) return volume;

  const size = volume.size.map((n, a) => Math.floor(n / (f[a] ?? 1))) as Vec3;
  const shift = volume.spacingMm.map((s, a) => (s * ((f[a] ?? 1) - 1)) / 2) as Vec3;
  const d = volume.direction;
  const originMm = volume.originMm.map(
    (o, r) => o + (d[r * 3] ?? 0) * shift[0] + (d[r * 3 + 1] ?? 0) * shift[1]
      + (d[r * 3 + 2] ?? 0) * shift[2],
  ) as Vec3;
  const spacingMm = volume.spacingMm.map((s, a) => s * (f[a] ?? 1)) as Vec3;
  const out = createImage({ size, spacingMm, originMm, direction: d }, 'float32');
  averageBlocks(volume, out, f);

  return out;
}

function averageBlocks(input: ImageVolume, out: ImageVolume, f: Vec3): void {
  const [nx, ny] = input.size;
  const [mx, my, mz] = out.size;
  const weight = 1 / (f[0] * f[1] * f[2]);
  let n = 0;
  for (let k = 0; k < mz; k++) {
    for (let j = 0; j < my; j++) {
      for (let i = 0; i < mx; i++) {
        let sum = 0;
        for (let c = 0; c < f[2]; c++) {
          for (let b = 0; b < f[1]; b++) {
            const row = ((k * f[2] + c) * ny + j * f[1] + b) * nx + i * f[0];
            for (let a = 0; a < f[0]; a++) sum += input.data[row + a] ?? 0;
          }
        }
        out.data[n++] = sum * weight;
      }
    }
  }
}
