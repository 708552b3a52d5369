/**
 * A series registered to its timepoint's CT, seen from the CT's frame. Rather than
 * resampling the series, its grid is re-expressed: voxel i lies at p = o + D·S·i in the
 * series' own LPS, so in the CT's LPS it lies at M⁻¹(p) = M⁻¹(o) + (L⁻¹·D)·S·i, where
 * M = (L, t) maps a CT point to the series point. The pixels stay as they are and any
 * code that moves masks between grids through LPS (nearest voxel centre) then carries a
 * CT mask onto the series through the registration, with no second interpolation.
 *
 * Only rigid maps keep the direction orthonormal, as ImageGeometry requires; series
 * registrations are rigid. An affine map would need a resampler that takes the matrix.
 */
import type { ImageGeometry, Mat3, Vec3 } from '../imaging/image';
import { applyMatrix, invertMatrix, type Mat3x4 } from './affine';

/** How far from orthonormal the re-expressed direction may be before it is refused. */
const ORTHONORMAL_TOLERANCE = 1e-6;

export function geometryInReferenceFrame<G extends ImageGeometry>(
  geometry: G,
  referenceToSeries: Mat3x4,
): G {
  const inverse = invertMatrix(referenceToSeries);
  const d = geometry.direction;
  const direction = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) =>
    [0, 1, 2].reduce((sum, k) => sum + (inverse[r * 4 + k] ?? 0) * (d[k * 3 + c] ?? 0), 0),
  )) as Mat3;
  assertOrthonormal(direction);

  return { ...geometry, originMm: applyMatrix(inverse, geometry.originMm) as Vec3, direction };
}

function assertOrthonormal(m: Mat3): void {
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      const dot = [0, 1, 2].reduce((s, r) => s + (m[r * 3 + a] ?? 0) * (m[r * 3 + b] ?? 0), 0);
      if (Math.abs(dot - (a === b ? 1 : 0)) > ORTHONORMAL_TOLERANCE) {
        throw new Error('Only a rigid series registration can re-express a grid; this ' +
          'transform scales or shears. Register the series rigidly.');
      }
    }
  }
}
