import type { Roi } from '../roi/prepare';
import type { Direction } from './directions';

/**
 * The ROI's grey levels copied into a grid with one empty (level 0) voxel on every side.
 * Every neighbour of an ROI voxel then lies inside the array, so the texture loops read
 * neighbours by a precomputed linear offset with no bounds test.
 */
export interface Lattice {
  /** Padded dimensions: the crop's plus 2 along each axis. */
  dims: readonly [number, number, number];
  levels: Int32Array;
  /** The morphological mask on the same padded grid (the GLDZM distance map reads it). */
  morphMask: Uint8Array;
  /** Padded offsets of the intensity-mask voxels, ascending. */
  voxels: Int32Array;
  /** voxels[sliceStart[z]] .. voxels[sliceStart[z + 1] - 1] lie in crop slice z. */
  sliceStart: Int32Array;
}

const lattices = new WeakMap<Roi, Lattice>();

function pad<T extends Int32Array | Uint8Array>(source: T, target: T, size: readonly number[]):
  void {
  const [nx = 1, ny = 1, nz = 1] = size;
  const px = nx + 2;
  const py = ny + 2;
  for (let z = 0, v = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const row = 1 + px * (y + 1 + py * (z + 1));
      for (let x = 0; x < nx; x++, v++) target[row + x] = source[v]!;
    }
  }
}

function build(roi: Roi): Lattice {
  const [nx, ny, nz] = roi.size;
  const dims = [nx + 2, ny + 2, nz + 2] as const;
  const plane = dims[0] * dims[1];
  const levels = new Int32Array(plane * dims[2]);
  const morphMask = new Uint8Array(plane * dims[2]);
  pad(roi.levels, levels, roi.size);
  pad(roi.morphMask, morphMask, roi.size);

  const voxels = new Int32Array(roi.voxels.length);
  const sliceStart = new Int32Array(nz + 1);
  for (let k = 0; k < roi.voxels.length; k++) {
    const v = roi.voxels[k]!;
    const x = v % nx;
    const y = ((v - x) / nx) % ny;
    const z = (v - x - nx * y) / (nx * ny);
    voxels[k] = x + 1 + dims[0] * (y + 1) + plane * (z + 1);
    sliceStart[z + 1]!++;
  }
  for (let z = 0; z < nz; z++) sliceStart[z + 1]! += sliceStart[z]!;

  return { dims, levels, morphMask, voxels, sliceStart };
}

/** The padded lattice of an ROI, built once and shared by every texture family. */
export function latticeOf(roi: Roi): Lattice {
  let lattice = lattices.get(roi);
  if (!lattice) {
    lattice = build(roi);
    lattices.set(roi, lattice);
  }

  return lattice;
}

/** Linear offsets of the given steps on the padded grid. */
export function latticeOffsets(lattice: Lattice, steps: readonly Direction[]): Int32Array {
  const [px, py] = lattice.dims;

  return Int32Array.from(steps, ([dx, dy, dz]) => dx + px * (dy + py * dz));
}

/** Crop slice (z) of a padded offset. */
export function latticeSlice(lattice: Lattice, voxel: number): number {
  return Math.floor(voxel / (lattice.dims[0] * lattice.dims[1])) - 1;
}

/** Range [first, end) of lattice.voxels in crop slice z, or all of them when z is null. */
export function voxelRange(lattice: Lattice, z: number | null): [number, number] {
  if (z === null) return [0, lattice.voxels.length];

  return [lattice.sliceStart[z] ?? 0, lattice.sliceStart[z + 1] ?? 0];
}
