import type { NamedValue } from '../types';
import type { MatrixFamily } from './aggregate';

/**
 * A sparse grey level x size count matrix, the shape shared by run lengths (GLRLM), zone
 * sizes (GLSZM), zone distances (GLDZM) and dependence counts (NGLDM). Keys are
 * size * STRIDE + level; `voxelCount` is the N_v the percentage feature divides by.
 */
export interface SizeMatrix {
  cells: Map<number, number>;
  voxelCount: number;
}

const STRIDE = 1 << 20;

export function emptySizeMatrix(voxelCount = 0): SizeMatrix {
  return { cells: new Map(), voxelCount };
}

export function addCount(matrix: SizeMatrix, level: number, size: number, count = 1): void {
  const key = size * STRIDE + level;
  matrix.cells.set(key, (matrix.cells.get(key) ?? 0) + count);
}

export function mergeSizeMatrices(matrices: SizeMatrix[]): SizeMatrix {
  const merged = emptySizeMatrix();
  for (const m of matrices) {
    merged.voxelCount += m.voxelCount;
    for (const [key, count] of m.cells) merged.cells.set(key, (merged.cells.get(key) ?? 0) + count);
  }

  return merged;
}

function sumSquares(totals: Map<number, number>): number {
  let s = 0;
  for (const t of totals.values()) s += t * t;

  return s;
}

function addTo(map: Map<number, number>, key: number, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/**
 * The 16 shared IBSI features (plus energy for the NGLDM). `names` gives the tag suffixes in
 * the order: short, long, low grey, high grey, short-low, short-high, long-low, long-high,
 * glnu, glnu.norm, size nu, size nu.norm, percentage, grey variance, size variance,
 * entropy[, energy].
 */
export function sizeMatrixFeatures(matrix: SizeMatrix, prefix: string, names: string[]):
  NamedValue[] {
  let ns = 0;
  for (const count of matrix.cells.values()) ns += count;
  const byLevel = new Map<number, number>();
  const bySize = new Map<number, number>();
  const e = new Float64Array(8);
  let meanI = 0;
  let meanJ = 0;
  for (const [key, count] of matrix.cells) {
    const i = key % STRIDE;
    const j = Math.floor(key / STRIDE);
    addTo(byLevel, i, count);
    addTo(bySize, j, count);
    const [i2, j2] = [i * i, j * j];
    const w = [1 / j2, j2, 1 / i2, i2, 1 / (i2 * j2), i2 / j2, j2 / i2, i2 * j2];
    for (let k = 0; k < 8; k++) e[k]! += count * (w[k] ?? 0);
    meanI += (i * count) / ns;
    meanJ += (j * count) / ns;
  }
  let varI = 0;
  let varJ = 0;
  let entropy = 0;
  let energy = 0;
  for (const [key, count] of matrix.cells) {
    const p = count / ns;
    varI += ((key % STRIDE) - meanI) ** 2 * p;
    varJ += (Math.floor(key / STRIDE) - meanJ) ** 2 * p;
    entropy -= p * Math.log2(p);
    energy += p * p;
  }
  const glnu = sumSquares(byLevel);
  const snu = sumSquares(bySize);
  const values = [...Array.from(e, (x) => x / ns), glnu / ns, glnu / (ns * ns), snu / ns,
    snu / (ns * ns), ns / matrix.voxelCount, varI, varJ, entropy, energy];

  return names.map((name, k) => ({ name: `${prefix}.${name}`, value: values[k] ?? 0 }));
}

export function sizeMatrixFamily(prefix: string, names: string[]): MatrixFamily<SizeMatrix> {
  return {
    merge: mergeSizeMatrices,
    features: (m) => sizeMatrixFeatures(m, prefix, names),
    isEmpty: (m) => m.cells.size === 0,
  };
}
