import type { Roi } from '../roi/prepare';
import type { NamedValue } from '../types';
import type { MatrixFamily } from './aggregate';
import { forEachNeighbourhood } from './neighbourhood';

/** Per grey level: s_i, the summed |i - neighbourhood mean|, and n_i, the voxel count. */
export interface Ngtdm {
  s: Float64Array;
  n: Float64Array;
}

/**
 * Neighbourhood grey tone difference matrices by slice (or one for the volume). A voxel
 * without any ROI neighbour has no neighbourhood mean and is not counted.
 */
export function ngtdmMatrices(roi: Roi, inSlice: boolean): Map<number, Ngtdm> {
  const ng = roi.greyLevelCount;
  const groups = new Map<number, Ngtdm>();
  forEachNeighbourhood(roi, inSlice, (key, level, neighbours, count) => {
    let m = groups.get(key);
    if (!m) {
      m = { s: new Float64Array(ng + 1), n: new Float64Array(ng + 1) };
      groups.set(key, m);
    }
    if (count === 0) return;

    let sum = 0;
    for (let k = 0; k < count; k++) sum += neighbours[k] ?? 0;
    m.s[level]! += Math.abs(level - sum / count);
    m.n[level]! += 1;
  });

  return groups;
}

/** Levels present, with probability p_i and s_i. */
function present(m: Ngtdm, total: number): { i: number; p: number; s: number }[] {
  const out: { i: number; p: number; s: number }[] = [];
  for (let i = 1; i < m.n.length; i++) {
    const n = m.n[i] ?? 0;
    if (n > 0) out.push({ i, p: n / total, s: m.s[i] ?? 0 });
  }

  return out;
}

/** The five IBSI NGTDM features; coarseness is capped at 1e6 for a flat ROI (IBSI). */
export function ngtdmFeatures(m: Ngtdm): NamedValue[] {
  let total = 0;
  for (const n of m.n) total += n;
  const levels = present(m, total);
  const ngp = levels.length;
  let ps = 0;
  let sumS = 0;
  for (const a of levels) {
    ps += a.p * a.s;
    sumS += a.s;
  }
  let contrast = 0;
  let busyDenominator = 0;
  let complexity = 0;
  let strength = 0;
  for (const a of levels) {
    for (const b of levels) {
      const d = a.i - b.i;
      contrast += a.p * b.p * d * d;
      busyDenominator += Math.abs(a.i * a.p - b.i * b.p);
      complexity += (Math.abs(d) * (a.p * a.s + b.p * b.s)) / (a.p + b.p);
      strength += (a.p + b.p) * d * d;
    }
  }

  const values: [string, number][] = [
    ['coarseness', ps > 0 ? 1 / ps : 1e6],
    ['contrast', ngp > 1 ? (contrast / (ngp * (ngp - 1))) * (sumS / total) : 0],
    ['busyness', busyDenominator > 0 ? ps / busyDenominator : 0],
    ['complexity', complexity / total],
    ['strength', sumS > 0 ? strength / sumS : 0],
  ];

  return values.map(([name, value]) => ({ name: `ngt.${name}`, value }));
}

export const NGTDM_FAMILY: MatrixFamily<Ngtdm> = {
  merge(matrices) {
    const length = matrices[0]?.n.length ?? 0;
    const merged = { s: new Float64Array(length), n: new Float64Array(length) };
    for (const m of matrices) {
      for (let i = 0; i < length; i++) {
        merged.s[i]! += m.s[i] ?? 0;
        merged.n[i]! += m.n[i] ?? 0;
      }
    }

    return merged;
  },
  features: ngtdmFeatures,
  isEmpty: (m) => !m.n.some((n) => n > 0),
};
