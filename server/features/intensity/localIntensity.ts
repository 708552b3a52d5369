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

/** The sphere as prefix-sum offsets, for voxels whose sphere lies wholly inside the crop. */
interface FlatSphere {
  /** Per row: prefix offset of the row's first and one-past-last sample, relative. */
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  reach: [number, number, number];
}

function flatSphere(rows: SphereRow[], nx: number, ny: number): FlatSphere {
  const starts = new Int32Array(rows.length);
  const ends = new Int32Array(rows.length);
  const reach: [number, number, number] = [0, 0, 0];
  let count = 0;
  rows.forEach((row, r) => {
    const base = (row.dz * ny + row.dy) * (nx + 1);
    starts[r] = base - row.halfWidth;
    ends[r] = base + row.halfWidth + 1;
    count += 2 * row.halfWidth + 1;
    reach[0] = Math.max(reach[0], row.halfWidth);
    reach[1] = Math.max(reach[1], Math.abs(row.dy));
    reach[2] = Math.max(reach[2], Math.abs(row.dz));
  });

  return { starts, ends, count, reach };
}

/**
 * Mean image intensity in the 1 cm³ sphere around voxel (x, y, z); voxels of the image
 * outside the ROI count, voxels beyond the image edge do not.
 */
function sphereMean(roi: Roi, rows: SphereRow[], prefix: Float64Array,
  [x, y, z]: [number, number, number]): number {
  const [nx, ny, nz] = roi.size;
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

/** Sphere means of every ROI voxel: unchecked offsets inside, the clipped sum at the edge. */
function sphereMeans(roi: Roi, rows: SphereRow[]): Float64Array {
  const [nx, ny, nz] = roi.size;
  const prefix = rowPrefixSums(roi.image, nx);
  const sphere = flatSphere(rows, nx, ny);
  const { starts, ends, reach } = sphere;
  const means = new Float64Array(roi.voxels.length);
  for (let k = 0; k < roi.voxels.length; k++) {
    const v = roi.voxels[k]!;
    const x = v % nx;
    const y = ((v - x) / nx) % ny;
    const z = (v - x - nx * y) / (nx * ny);
    const inner = x >= reach[0] && x < nx - reach[0] && y >= reach[1] && y < ny - reach[1]
      && z >= reach[2] && z < nz - reach[2];
    if (!inner) {
      means[k] = sphereMean(roi, rows, prefix, [x, y, z]);
      continue;
    }
    const centre = (z * ny + y) * (nx + 1) + x;
    let sum = 0;
    for (let r = 0; r < starts.length; r++) {
      sum += prefix[centre + ends[r]!]! - prefix[centre + starts[r]!]!;
    }
    means[k] = sum / sphere.count;
  }

  return means;
}

/** IBSI local (around the hottest voxels) and global (anywhere) intensity peaks. */
export function localIntensityFeatures(roi: Roi): NamedValue[] {
  const means = sphereMeans(roi, sphereRows(roi.spacingMm));
  let hottest = -Infinity;
  for (const x of roi.intensities) if (x > hottest) hottest = x;

  let local = -Infinity;
  let global = -Infinity;
  for (let k = 0; k < means.length; k++) {
    const mean = means[k]!;
    if (mean > global) global = mean;
    if (roi.intensities[k] === hottest && mean > local) local = mean;
  }

  return [
    { name: 'loc.peak.local', value: local },
    { name: 'loc.peak.global', value: global },
  ];
}
