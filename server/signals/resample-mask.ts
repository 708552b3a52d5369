/**
 * Nearest-neighbour transfer of a mask onto another image's grid through patient
 * coordinates. Assumption: every series of one timepoint shares one Frame of Reference
 * (one scanner session, no patient motion between series), so a patient point means the
 * same anatomy on all of them. Series from separate sessions must be registered first:
 * server/signals-store hands a registered series over with its grid re-expressed in the
 * CT's frame (server/tracking/frame-geometry.ts), so this transfer then follows the
 * registration.
 *
 * Known shortcoming: a lesion of a few fine voxels can miss every coarse voxel centre and
 * vanish on the coarse grid; a partial-volume weighted transfer would keep it.
 */
import type { ImageGeometry, ImageVolume, Vec3 } from '@/server/imaging/image';
import { createImage, indexToPoint, pointToIndex } from '@/server/imaging/image';

/** Mask index (continuous) of target voxel (i, j, k) = base + i·di + j·dj + k·dk. */
function indexMap(mask: ImageGeometry, target: ImageGeometry) {
  const base = pointToIndex(mask, indexToPoint(target, [0, 0, 0]));
  const step = (axis: Vec3): Vec3 => {
    const p = pointToIndex(mask, indexToPoint(target, axis));

    return [p[0] - base[0], p[1] - base[1], p[2] - base[2]];
  };

  return { base, di: step([1, 0, 0]), dj: step([0, 1, 0]), dk: step([0, 0, 1]) };
}

/** Target-grid index box that can hold any voxel of the mask's foreground. */
function targetBox(mask: ImageVolume, target: ImageGeometry): [Vec3, Vec3] | null {
  const bounds = foregroundBounds(mask);

  return bounds && cornerBox(mask, target, bounds[0], bounds[1]);
}

/**
 * Index box of the voxels >= 0.5, row by row without allocating: it runs once per lesion
 * and image grid over the whole mask volume, which made it the signals' hottest loop.
 */
function foregroundBounds(mask: ImageVolume): [Vec3, Vec3] | null {
  const [nx, ny, nz] = mask.size;
  const data = mask.data;
  let [x0, y0, z0, x1, y1, z1] = [Infinity, Infinity, Infinity, -1, -1, -1];
  for (let z = 0, row = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++, row += nx) {
      let first = -1;
      let last = -1;
      for (let x = 0; x < nx; x++) {
        if ((data[row + x] as number) < 0.5) continue;
        if (first < 0) first = x;
        last = x;
      }
      if (first < 0) continue;
      x0 = Math.min(x0, first);
      x1 = Math.max(x1, last);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      z0 = Math.min(z0, z);
      z1 = z;
    }
  }

  return x1 < 0 ? null : [[x0, y0, z0], [x1, y1, z1]];
}

function cornerBox(mask: ImageVolume, target: ImageGeometry, lo: Vec3, hi: Vec3): [Vec3, Vec3] {
  const from: Vec3 = [Infinity, Infinity, Infinity];
  const to: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let c = 0; c < 8; c++) {
    const corner: Vec3 = [0, 1, 2].map((a) => ((c >> a) & 1 ? hi[a]! + 0.5 : lo[a]! - 0.5)) as Vec3;
    const t = pointToIndex(target, indexToPoint(mask, corner));
    for (let a = 0; a < 3; a++) {
      from[a] = Math.max(0, Math.min(from[a]!, Math.floor(t[a]!)));
      to[a] = Math.min(target.size[a]! - 1, Math.max(to[a]!, Math.ceil(t[a]!)));
    }
  }

  return [from, to];
}

/**
 * The mask on `target`'s grid: a target voxel is inside when the mask voxel nearest to
 * its centre is (value >= 0.5). Returns a uint8 volume with target's geometry.
 */
export function maskOnGrid(mask: ImageVolume, target: ImageGeometry): ImageVolume {
  const out = createImage(target, 'uint8');
  const box = targetBox(mask, target);
  if (!box) return out;

  const { base, di, dj, dk } = indexMap(mask, target);
  const [nx, ny, nz] = mask.size;
  const [tx, ty] = target.size;
  const [from, to] = box;
  for (let k = from[2]; k <= to[2]; k++) {
    for (let j = from[1]; j <= to[1]; j++) {
      for (let i = from[0]; i <= to[0]; i++) {
        const x = Math.floor(base[0] + i * di[0] + j * dj[0] + k * dk[0] + 0.5);
        const y = Math.floor(base[1] + i * di[1] + j * dj[1] + k * dk[1] + 0.5);
        const z = Math.floor(base[2] + i * di[2] + j * dj[2] + k * dk[2] + 0.5);
        if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) continue;
        if ((mask.data[(z * ny + y) * nx + x] as number) >= 0.5)
          out.data[(k * ty + j) * tx + i] = 1;
      }
    }
  }

  return out;
}

export function sameGrid(a: ImageGeometry, b: ImageGeometry): boolean {
  const close = (x: readonly number[], y: readonly number[]) =>
    x.every((v, n) => Math.abs(v - y[n]!) < 1e-6);

  return (
    close(a.size, b.size) &&
    close(a.spacingMm, b.spacingMm) &&
    close(a.originMm, b.originMm) &&
    close(a.direction, b.direction)
  );
}
