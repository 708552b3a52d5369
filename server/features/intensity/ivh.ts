import type { IvhDiscretisation } from '../settings';
import type { NamedValue } from '../types';

/** Grey levels of the IVH: values on a grid from `start` in steps of `step`. */
interface IvhInput {
  values: Float64Array;
  start: number;
  /** Upper end of the total range G (gamma is 1 there). */
  end: number;
  step: number;
}

function extremes(values: Float64Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (x < min) min = x;
    if (x > max) max = x;
  }

  return [min, max];
}

/**
 * The IBSI cases: "none" is calibrated discrete intensities (CT, interval 1, range from the
 * re-segmentation); fixed bin size is the calibrated continuous case (bin centres);
 * fixed bin number is the arbitrary-unit case (bin numbers, range ignored).
 */
function ivhInput(intensities: Float64Array, method: IvhDiscretisation,
  range: [number | null, number | null] | null): IvhInput {
  const [min, max] = extremes(intensities);
  const lo = range?.[0] ?? min;
  const hi = range?.[1] ?? max;
  if (method.method === 'none') return { values: intensities, start: lo, end: hi, step: 1 };

  if (method.method === 'fixed-bin-size') {
    const w = method.binSize;
    const lower = method.lowerBound ?? lo;
    const values = intensities.map((x) => lower + (Math.floor((x - lower) / w) + 0.5) * w);

    return { values, start: lower + 0.5 * w, end: hi - 0.5 * w, step: w };
  }

  const n = method.binCount;
  const width = max - min;
  const values = intensities.map((x) =>
    width > 0 ? Math.min(n, Math.floor((n * (x - min)) / width) + 1) : 1);

  return { values, start: 1, end: n, step: 1 };
}

/** Volume fraction nu at each grid level: the share of voxels at or above it. */
function volumeFractions(input: IvhInput): Float64Array {
  const top = Math.max(input.end, extremes(input.values)[1]);
  const count = Math.round((top - input.start) / input.step) + 1;
  const atLevel = new Float64Array(count);
  for (const x of input.values) {
    const k = Math.round((x - input.start) / input.step);
    atLevel[Math.min(count - 1, Math.max(0, k))]! += 1;
  }
  const nu = new Float64Array(count);
  let above = 0;
  for (let k = count - 1; k >= 0; k--) {
    above += atLevel[k] ?? 0;
    nu[k] = above / input.values.length;
  }

  return nu;
}

/** IBSI intensity-volume histogram features V10, V90, I10, I90 and their differences. */
export function ivhFeatures(intensities: Float64Array, method: IvhDiscretisation,
  range: [number | null, number | null] | null): NamedValue[] {
  const input = ivhInput(intensities, method, range);
  const nu = volumeFractions(input);
  const span = input.end - input.start;
  const gamma = (k: number) => (span > 0 ? (k * input.step) / span : 0);
  const volumeAt = (x: number) => {
    for (let k = 0; k < nu.length; k++) if (gamma(k) >= x - 1e-12) return nu[k] ?? 0;

    return 0;
  };
  const intensityAt = (x: number) => {
    for (let k = 0; k < nu.length; k++) if ((nu[k] ?? 0) <= x) return input.start + k * input.step;

    return input.start + (nu.length - 1) * input.step;
  };
  const [v10, v90, i10, i90] = [volumeAt(0.1), volumeAt(0.9), intensityAt(0.1), intensityAt(0.9)];

  return [
    { name: 'ivh.v10', value: v10, parameter: 10 },
    { name: 'ivh.v90', value: v90, parameter: 90 },
    { name: 'ivh.i10', value: i10, parameter: 10 },
    { name: 'ivh.i90', value: i90, parameter: 90 },
    { name: 'ivh.diff.v10v90', value: v10 - v90 },
    { name: 'ivh.diff.i10i90', value: i10 - i90 },
  ];
}
