import type { Vec3 } from '@/server/imaging/image';
import { EDGE_MIDPOINTS, TRIANGLES } from './cubeTable';

/** What the morphology family needs from the ROI surface mesh. */
export interface MeshSummary {
  volumeMm3: number;
  areaMm2: number;
  /** Axis-aligned bounding box of the mesh vertices, in mm. */
  boxMm: Vec3;
  /**
   * Mesh vertices that are the lowest or highest of their row along each axis, xyz in mm.
   * Every convex hull vertex is among them, so the hull needs no other vertex.
   */
  rowExtremes: Float64Array;
}

interface MaskGrid {
  size: readonly [number, number, number];
  spacingMm: Vec3;
  mask: Uint8Array;
}

function bounds(grid: MaskGrid): { lo: Vec3; hi: Vec3 } {
  const [nx, ny] = grid.size;
  const lo: Vec3 = [Infinity, Infinity, Infinity];
  const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
  grid.mask.forEach((m, v) => {
    if (m === 0) return;
    const c = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (let a = 0; a < 3; a++) {
      lo[a] = Math.min(lo[a]!, c[a]!);
      hi[a] = Math.max(hi[a]!, c[a]!);
    }
  });

  return { lo, hi };
}

/**
 * Extreme vertices of every axis-parallel row, in half-voxel units. A convex hull vertex is
 * extreme on every line through it, so only vertices extreme along x, y and z all three
 * are kept as hull candidates.
 */
class RowExtremes {
  private readonly rows = [new Map<number, [number, number]>(), new Map<number, [number, number]>(),
    new Map<number, [number, number]>()];

  add(x2: number, y2: number, z2: number): void {
    const c = [x2, y2, z2];
    for (let axis = 0; axis < 3; axis++) {
      const key = (c[(axis + 1) % 3]! + 8) * 1_000_003 + c[(axis + 2) % 3]! + 8;
      const value = c[axis]!;
      const row = this.rows[axis]!.get(key);
      if (!row) this.rows[axis]!.set(key, [value, value]);
      else if (value < row[0]) row[0] = value;
      else if (value > row[1]) row[1] = value;
    }
  }

  private isExtreme(c: number[], axis: number): boolean {
    const key = (c[(axis + 1) % 3]! + 8) * 1_000_003 + c[(axis + 2) % 3]! + 8;
    const row = this.rows[axis]!.get(key);

    return row !== undefined && (c[axis] === row[0] || c[axis] === row[1]);
  }

  toPoints(spacingMm: Vec3): Float64Array {
    const out: number[] = [];
    for (const [key, [lo, hi]] of this.rows[0]!) {
      const y2 = Math.floor(key / 1_000_003) - 8;
      const z2 = (key % 1_000_003) - 8;
      for (const x2 of lo === hi ? [lo] : [lo, hi]) {
        const c = [x2, y2, z2];
        if (!this.isExtreme(c, 1) || !this.isExtreme(c, 2)) continue;
        out.push((x2 / 2) * spacingMm[0], (y2 / 2) * spacingMm[1], (z2 / 2) * spacingMm[2]);
      }
    }

    return Float64Array.from(out);
  }
}

/** The mask inside its bounding box, padded by one empty voxel on every side. */
function paddedBox(grid: MaskGrid, lo: Vec3, hi: Vec3): { data: Uint8Array; dims: Vec3 } {
  const [nx, ny] = grid.size;
  const dims: Vec3 = [hi[0] - lo[0] + 3, hi[1] - lo[1] + 3, hi[2] - lo[2] + 3];
  const data = new Uint8Array(dims[0] * dims[1] * dims[2]);
  for (let z = lo[2]; z <= hi[2]; z++) {
    for (let y = lo[1]; y <= hi[1]; y++) {
      for (let x = lo[0]; x <= hi[0]; x++) {
        const to = x - lo[0] + 1 + dims[0] * (y - lo[1] + 1 + dims[1] * (z - lo[2] + 1));
        data[to] = grid.mask[x + nx * (y + ny * z)]!;
      }
    }
  }

  return { data, dims };
}

/**
 * Marching cubes over the mask at iso-level 0.5 (vertices at edge midpoints), with the
 * mask padded by empty voxels so the surface closes. Volume by the divergence theorem.
 */
export function meshSummary(grid: MaskGrid): MeshSummary {
  const { lo, hi } = bounds(grid);
  const s = grid.spacingMm;
  const extremes = new RowExtremes();
  let volume = 0;
  let area = 0;
  const p = new Float64Array(9);
  const box = paddedBox(grid, lo, hi);
  const [bx, by] = box.dims;
  const corners = [0, 1, bx, bx + 1, bx * by, bx * by + 1, bx * by + bx, bx * by + bx + 1];
  for (let z = lo[2] - 1; z <= hi[2]; z++) {
    for (let y = lo[1] - 1; y <= hi[1]; y++) {
      let base = (y - lo[1] + 1) * bx + (z - lo[2] + 1) * bx * by;
      for (let x = lo[0] - 1; x <= hi[0]; x++, base++) {
        let config = 0;
        for (let c = 0; c < 8; c++) if (box.data[base + corners[c]!]) config |= 1 << c;
        if (config === 0 || config === 255) continue;

        const triangles = TRIANGLES[config]!;
        for (let t = 0; t < triangles.length; t += 3) {
          for (let k = 0; k < 3; k++) {
            const m = EDGE_MIDPOINTS[triangles[t + k]!]!;
            extremes.add(2 * x + 2 * m[0], 2 * y + 2 * m[1], 2 * z + 2 * m[2]);
            p[3 * k] = (x + m[0]) * s[0];
            p[3 * k + 1] = (y + m[1]) * s[1];
            p[3 * k + 2] = (z + m[2]) * s[2];
          }
          [volume, area] = addTriangle(p, volume, area);
        }
      }
    }
  }
  const boxMm: Vec3 = [0, 1, 2].map((a) => (hi[a]! - lo[a]! + 1) * s[a]!) as Vec3;

  return { volumeMm3: Math.abs(volume), areaMm2: area, boxMm, rowExtremes: extremes.toPoints(s) };
}

function addTriangle(p: Float64Array, volume: number, area: number): [number, number] {
  const [ax, ay, az, bx, by, bz, cx, cy, cz] = p as unknown as number[];
  const signed = (ax! * (by! * cz! - bz! * cy!) - ay! * (bx! * cz! - bz! * cx!)
    + az! * (bx! * cy! - by! * cx!)) / 6;
  const [ux, uy, uz] = [bx! - ax!, by! - ay!, bz! - az!];
  const [vx, vy, vz] = [cx! - ax!, cy! - ay!, cz! - az!];
  const n = Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx);

  return [volume + signed, area + n / 2];
}
