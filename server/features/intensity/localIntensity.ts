import type { Roi } from '../roi/prepare';
import { PEAK_SPHERE_RADIUS_MM } from '../roi/prepare';
import type { NamedValue } from '../types';

/** One row of the sphere: offsets dy, dz and the half-width of its run along x. */
interface SphereRow {
  dy: number;
  dz: number;
  halfWidth: number;
}

function sphereRows(spacingMm: readonly number[]): SphereRow[] {
  const [sx = 1, sy = 1, sz = 1] = spacingMm;
  const r2 = PEAK_SPHERE_RADIUS_MM ** 2;
  const rows: SphereRow[] = [];
  const ny = Math.floor(PEAK_SPHERE_RADIUS_MM / sy);
  const nz = Math.floor(PEAK_SPHERE_RADIUS_MM / sz);
  for (let dz = -nz; dz <= nz; dz++) {
    for (let dy = -ny; dy <= ny; dy++) {
      const rest = r2 - (dy * sy) ** 2 - (dz * sz) ** 2;
      if (rest >= 0) rows.push({ dy, dz, halfWidth: Math.floor(Math.sqrt(rest) / sx + 1e-9) });
    }
  }

  return rows;
}

/** Prefix sums along x so that each sphere row costs one subtraction. */
function rowPrefixSums(image: Float64Array, nx: number): Float64Array {
  const rows = image.length / nx;
  const prefix = new Float64Array(rows * (nx + 1));
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let x = 0; x < nx; x++) {
      sum += image[r * nx + x] ?? 0;
      prefix[r * (nx + 1) + x + 1] = sum;
    }
  }

  return prefix;
}

/**
 * Mean image intensity in the 1 cm³ sphere around each voxel; voxels of the image outside
 * the ROI count, voxels beyond the image edge do not.
 */
function sphereMean(roi: Roi, rows: SphereRow[], prefix: Float64Array, v: number): number {
  const [nx, ny, nz] = roi.size;
  const x = v % nx;
  const y = Math.floor(v / nx) % ny;
  const z = Math.floor(v / (nx * ny));
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    const yy = y + row.dy;
    const zz = z + row.dz;
    if (yy < 0 || yy >= ny || zz < 0 || zz >= nz) continue;

    const x0 = Math.max(0, x - row.halfWidth);
    const x1 = Math.min(nx - 1, x + row.halfWidth);
    const base = (zz * ny + yy) * (nx + 1);
    sum += (prefix[base + x1 + 1] ?? 0) - (prefix[base + x0] ?? 0);
    count += x1 - x0 + 1;
  }

  return sum / count;
}

/** IBSI local (around the hottest voxels) and global (anywhere) intensity peaks. */
export function localIntensityFeatures(roi: Roi): NamedValue[] {
  const rows = sphereRows(roi.spacingMm);
  const prefix = rowPrefixSums(roi.image, roi.size[0]);
  let hottest = -Infinity;
  for (const x of roi.intensities) if (x > hottest) hottest = x;

  let local = -Infinity;
  let global = -Infinity;
  roi.voxels.forEach((v, k) => {
    const mean = sphereMean(roi, rows, prefix, v);
    if (mean > global) global = mean;
    if (roi.intensities[k] === hottest && mean > local) local = mean;
  });

  return [
    { name: 'loc.peak.local', value: local },
    { name: 'loc.peak.global', value: global },
  ];
}
