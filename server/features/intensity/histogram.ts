import type { NamedValue } from '../types';
import { distributionFeatures } from './distribution';

/** Voxel count per grey level, index 0 unused (levels start at 1). */
export function levelHistogram(levels: Int32Array, voxels: Int32Array, greyLevelCount: number):
  Float64Array {
  const counts = new Float64Array(greyLevelCount + 1);
  for (const v of voxels) counts[levels[v] ?? 0]! += 1;

  return counts;
}

function sortedLevels(counts: Float64Array, total: number): Float64Array {
  const sorted = new Float64Array(total);
  let k = 0;
  for (let level = 1; level < counts.length; level++) {
    for (let c = 0; c < (counts[level] ?? 0); c++) sorted[k++] = level;
  }

  return sorted;
}

/** Central differences, one-sided at the first and last bin (IBSI histogram gradient). */
function gradient(counts: Float64Array, level: number): number {
  const last = counts.length - 1;
  if (last === 1) return 0;
  if (level === 1) return (counts[2] ?? 0) - (counts[1] ?? 0);
  if (level === last) return (counts[last] ?? 0) - (counts[last - 1] ?? 0);

  return ((counts[level + 1] ?? 0) - (counts[level - 1] ?? 0)) / 2;
}

function gradientExtremes(counts: Float64Array): NamedValue[] {
  let maxGrad = -Infinity;
  let maxLevel = 1;
  let minGrad = Infinity;
  let minLevel = 1;
  for (let level = 1; level < counts.length; level++) {
    const g = gradient(counts, level);
    if (g > maxGrad) [maxGrad, maxLevel] = [g, level];
    if (g < minGrad) [minGrad, minLevel] = [g, level];
  }

  return [
    { name: 'ih.max.grad', value: maxGrad },
    { name: 'ih.max.grad.gl', value: maxLevel },
    { name: 'ih.min.grad', value: minGrad },
    { name: 'ih.min.grad.gl', value: minLevel },
  ];
}

/** Mode, entropy and uniformity of the histogram; the lowest level wins a tied mode. */
function shapeFeatures(counts: Float64Array, total: number): NamedValue[] {
  let mode = 1;
  let entropy = 0;
  let uniformity = 0;
  for (let level = 1; level < counts.length; level++) {
    const c = counts[level] ?? 0;
    if (c > (counts[mode] ?? 0)) mode = level;
    if (c === 0) continue;

    const p = c / total;
    entropy -= p * Math.log2(p);
    uniformity += p * p;
  }

  return [
    { name: 'ih.mode', value: mode },
    { name: 'ih.entropy', value: entropy },
    { name: 'ih.uniformity', value: uniformity },
  ];
}

/** IBSI intensity histogram features over the discretised grey levels. */
export function histogramFeatures(levels: Int32Array, voxels: Int32Array,
  greyLevelCount: number): NamedValue[] {
  const counts = levelHistogram(levels, voxels, greyLevelCount);
  const sorted = sortedLevels(counts, voxels.length);
  const shared = distributionFeatures(sorted, 'ih');
  const mode = shapeFeatures(counts, voxels.length);

  return [...shared.slice(0, 9), mode[0]!, ...shared.slice(9), ...mode.slice(1),
    ...gradientExtremes(counts)];
}
