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
  const [nx, ny, nz] = grid.size;
  const lo: Vec3 = [Infinity, Infinity, Infinity];
  const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let z = 0, v = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, v++) {
        if (grid.mask[v] === 0) continue;

        if (x < lo[0]) lo[0] = x;
        if (x > hi[0]) hi[0] = x;
        if (y < lo[1]) lo[1] = y;
        if (y > hi[1]) hi[1] = y;
        if (z < lo[2]) lo[2] = z;
        hi[2] = z;
      }
    }
  }

  return { lo, hi };
}

/**
 * Extreme vertices of every axis-parallel row, in half-voxel units relative to the padded
 * box. A convex hull vertex is extreme on every line through it, so only vertices extreme
 * along x, y and z all three are kept as hull candidates. Rows are dense typed arrays
 * over the box's cross-section, one pair (lowest, highest) per axis.
 */
class RowExtremes {
  private readonly n: [number, number, number];
  private readonly low: Int32Array[];
  private readonly high: Int32Array[];

  constructor(dims: Vec3) {
    this.n = [2 * dims[0] + 1, 2 * dims[1] + 1, 2 * dims[2] + 1];
    const cells = [this.n[1] * this.n[2], this.n[2] * this.n[0], this.n[0] * this.n[1]];
    this.low = cells.map((c) => new Int32Array(c).fill(0x7fffffff));
    this.high = cells.map((c) => new Int32Array(c).fill(-1));
  }

  private row(axis: number, c: readonly number[]): number {
    return c[(axis + 1) % 3]! + this.n[(axis + 1) % 3]! * c[(axis + 2) % 3]!;
  }

  add(c: readonly number[]): void {
    for (let axis = 0; axis < 3; axis++) {
      const r = this.row(axis, c);
      const value = c[axis]!;
      if (value < this.low[axis]![r]!) this.low[axis]![r] = value;
      if (value > this.high[axis]![r]!) this.high[axis]![r] = value;
    }
  }

  private isExtreme(c: readonly number[], axis: number): boolean {
    const r = this.row(axis, c);

    return c[axis] === this.low[axis]![r] || c[axis] === this.high[axis]![r];
  }

  /** Candidates in mm, with `origin` the half-voxel index of the box's first corner. */
  toPoints(spacingMm: Vec3, origin: Vec3): Float64Array {
    const out: number[] = [];
    const [lows, highs] = [this.low[0]!, this.high[0]!];
    for (let r = 0; r < lows.length; r++) {
      if (highs[r]! < 0) continue;

      const [y2, z2] = [r % this.n[1], Math.floor(r / this.n[1])];
      for (const x2 of lows[r] === highs[r] ? [lows[r]!] : [lows[r]!, highs[r]!]) {
        const c = [x2, y2, z2];
        if (!this.isExtreme(c, 1) || !this.isExtreme(c, 2)) continue;
        out.push(((x2 + origin[0]) / 2) * spacingMm[0], ((y2 + origin[1]) / 2) * spacingMm[1],
          ((z2 + origin[2]) / 2) * spacingMm[2]);
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
  const box = paddedBox(grid, lo, hi);
  const extremes = new RowExtremes(box.dims);
  const [bx, by, bz] = box.dims;
  const corners = [0, 1, bx, bx + 1, bx * by, bx * by + 1, bx * by + bx, bx * by + bx + 1];
  const half = [0, 0, 0];
  const totals = { volume: 0, area: 0 };
  const p = new Float64Array(9);
  for (let z = 0; z < bz - 1; z++) {
    for (let y = 0; y < by - 1; y++) {
      for (let x = 0, base = bx * (y + by * z); x < bx - 1; x++, base++) {
        let config = 0;
        for (let c = 0; c < 8; c++) if (box.data[base + corners[c]!]) config |= 1 << c;
        if (config === 0 || config === 255) continue;

        const triangles = TRIANGLES[config]!;
        for (let t = 0; t < triangles.length; t += 3) {
          for (let k = 0; k < 3; k++) {
            const m = EDGE_MIDPOINTS[triangles[t + k]!]!;
            half[0] = 2 * x + 2 * m[0];
            half[1] = 2 * y + 2 * m[1];
            half[2] = 2 * z + 2 * m[2];
            extremes.add(half);
            for (let a = 0; a < 3; a++) p[3 * k + a] = (half[a]! / 2) * s[a]!;
          }
          addTriangle(p, totals);
        }
      }
    }
  }
  // Box index 0 is grid index lo - 1; positions are relative to that corner, which moves
  // neither the volume (closed surface) nor the area.
  const origin: Vec3 = [2 * (lo[0] - 1), 2 * (lo[1] - 1), 2 * (lo[2] - 1)];
  const boxMm: Vec3 = [0, 1, 2].map((a) => (hi[a]! - lo[a]! + 1) * s[a]!) as Vec3;

  return { volumeMm3: Math.abs(totals.volume), areaMm2: totals.area, boxMm,
    rowExtremes: extremes.toPoints(s, origin) };
}

/** Add one triangle's signed tetrahedron volume (to the origin) and its area. */
function addTriangle(p: Float64Array, totals: { volume: number; area: number }): void {
  const ax = p[0]!; const ay = p[1]!; const az = p[2]!;
  const ux = p[3]! - ax; const uy = p[4]! - ay; const uz = p[5]! - az;
  const vx = p[6]! - ax; const vy = p[7]! - ay; const vz = p[8]! - az;
  const nx = uy * vz - uz * vy;
  const ny = uz * vx - ux * vz;
  const nz = ux * vy - uy * vx;
  // a · (b × c) equals a · (u × v) for u = b - a, v = c - a.
  totals.volume += (ax * nx + ay * ny + az * nz) / 6;
  totals.area += Math.sqrt(nx * nx + ny * ny + nz * nz) / 2;
}
