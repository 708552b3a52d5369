/**
 * One-dimensional resampling weights. Output sample m of an axis reads `count` source
 * samples: indices[m * count + t] with weights[m * count + t]. Source positions outside
 * the image take the nearest edge sample, as IBSI asks for its extrapolated grid border.
 */
export interface AxisTaps {
  outputLength: number;
  count: number;
  indices: Int32Array;
  weights: Float64Array;
}

export type TapKind = 'nearest' | 'linear' | 'cubic-bspline';

const TAP_COUNT: Record<TapKind, number> = { nearest: 1, linear: 2, 'cubic-bspline': 4 };

function clampIndex(index: number, length: number): number {
  return index < 0 ? 0 : index >= length ? length - 1 : index;
}

/** Cubic B-spline basis weights for the four samples around fractional offset t. */
function bsplineWeights(t: number): [number, number, number, number] {
  const t2 = t * t;
  const t3 = t2 * t;

  return [
    (1 - t) ** 3 / 6,
    (3 * t3 - 6 * t2 + 4) / 6,
    (-3 * t3 + 3 * t2 + 3 * t + 1) / 6,
    t3 / 6,
  ];
}

function fillTaps(kind: TapKind, position: number, length: number, out: number[]): void {
  const base = Math.floor(position);
  const t = position - base;
  if (kind === 'nearest') {
    out.push(clampIndex(Math.round(position), length), 1);
  } else if (kind === 'linear') {
    out.push(clampIndex(base, length), 1 - t, clampIndex(base + 1, length), t);
  } else {
    const w = bsplineWeights(t);
    for (let k = 0; k < 4; k++) out.push(clampIndex(base - 1 + k, length), w[k] ?? 0);
  }
}

/** Taps for source positions (in source index units) over a source axis of `length`. */
export function axisTaps(kind: TapKind, positions: Float64Array, length: number): AxisTaps {
  const count = TAP_COUNT[kind];
  const indices = new Int32Array(positions.length * count);
  const weights = new Float64Array(positions.length * count);
  const scratch: number[] = [];
  for (let m = 0; m < positions.length; m++) {
    scratch.length = 0;
    fillTaps(kind, positions[m] ?? 0, length, scratch);
    for (let t = 0; t < count; t++) {
      indices[m * count + t] = scratch[2 * t] ?? 0;
      weights[m * count + t] = scratch[2 * t + 1] ?? 0;
    }
  }

  return { outputLength: positions.length, count, indices, weights };
}

/** Shift tap indices so they address a block that starts at `offset` along the axis. */
export function shiftTaps(taps: AxisTaps, offset: number): AxisTaps {
  const indices = taps.indices.map((index) => index - offset);

  return { ...taps, indices };
}
