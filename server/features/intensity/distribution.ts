import type { NamedValue } from '../types';

/** Percentile by linear interpolation between order statistics (p in [0, 1]). */
export function percentile(sorted: Float64Array, p: number): number {
  const position = p * (sorted.length - 1);
  const lo = Math.floor(position);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)] ?? a;

  return a + (position - lo) * (b - a);
}

function centralMoments(values: Float64Array, mean: number): [number, number, number] {
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of values) {
    const d = x - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const n = values.length;

  return [m2 / n, m3 / n, m4 / n];
}

function meanAbsoluteDeviation(values: Float64Array, centre: number): number {
  let sum = 0;
  for (const x of values) sum += Math.abs(x - centre);

  return sum / values.length;
}

function robustMad(sorted: Float64Array, p10: number, p90: number): number {
  const inner = sorted.filter((x) => x >= p10 && x <= p90);
  let mean = 0;
  for (const x of inner) mean += x;
  mean /= inner.length;

  return meanAbsoluteDeviation(inner, mean);
}

/**
 * The descriptors intensity statistics and the intensity histogram share, on values
 * sorted ascending. Skewness and kurtosis are 0 where the variance is 0 (a flat ROI).
 */
export function distributionFeatures(sorted: Float64Array, prefix: string): NamedValue[] {
  const n = sorted.length;
  let mean = 0;
  for (const x of sorted) mean += x;
  mean /= n;
  const [m2, m3, m4] = centralMoments(sorted, mean);
  const median = percentile(sorted, 0.5);
  const [p10, p25, p75, p90] = [0.1, 0.25, 0.75, 0.9].map((p) => percentile(sorted, p)) as
    [number, number, number, number];
  const min = sorted[0] ?? 0;
  const max = sorted[n - 1] ?? 0;

  const values: [string, number][] = [
    ['mean', mean],
    ['var', m2],
    ['skew', m2 > 0 ? m3 / m2 ** 1.5 : 0],
    ['kurt', m2 > 0 ? m4 / (m2 * m2) - 3 : 0],
    ['median', median],
    ['min', min],
    ['p10', p10],
    ['p90', p90],
    ['max', max],
    ['iqr', p75 - p25],
    ['range', max - min],
    ['mad', meanAbsoluteDeviation(sorted, mean)],
    ['rmad', robustMad(sorted, p10, p90)],
    ['medad', meanAbsoluteDeviation(sorted, median)],
    ['cov', Math.sqrt(m2) / mean],
    ['qcod', (p75 - p25) / (p75 + p25)],
  ];

  return values.map(([name, value]) => ({ name: `${prefix}.${name}`, value }));
}
