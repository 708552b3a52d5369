import type { AxisTaps } from './taps';

export type Dims = [number, number, number];

/** Resample a block along one axis with precomputed taps; other axes pass through. */
export function resampleAxis(
  source: Float64Array,
  dims: Dims,
  axis: 0 | 1 | 2,
  taps: AxisTaps,
): { data: Float64Array; dims: Dims } {
  const outDims: Dims = [...dims];
  outDims[axis] = taps.outputLength;
  const [ox, oy, oz] = outDims;
  const strides = [1, dims[0], dims[0] * dims[1]];
  const axisStride = strides[axis] ?? 1;
  const out = new Float64Array(ox * oy * oz);
  const { count, indices, weights } = taps;
  // Along the resampled axis the source offset comes from the taps, so its coordinate
  // is masked out of the base offset.
  const keep = [axis === 0 ? 0 : 1, axis === 1 ? 0 : dims[0], axis === 2 ? 0 : dims[0] * dims[1]];
  const [kx = 0, ky = 0, kz = 0] = keep;
  let o = 0;
  for (let z = 0; z < oz; z++) {
    for (let y = 0; y < oy; y++) {
      for (let x = 0; x < ox; x++, o++) {
        const m = axis === 0 ? x : axis === 1 ? y : z;
        const base = x * kx + y * ky + z * kz;
        let sum = 0;
        for (let t = m * count, end = t + count; t < end; t++) {
          sum += (weights[t] ?? 0) * (source[base + (indices[t] ?? 0) * axisStride] ?? 0);
        }
        out[o] = sum;
      }
    }
  }

  return { data: out, dims: outDims };
}
