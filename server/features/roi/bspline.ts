/**
 * Cubic B-spline prefilter (Unser's recursive filter): turns samples into spline
 * coefficients so that the spline passes through the samples. Applied along one axis of
 * a block; mirror-symmetric boundaries.
 */

const POLE = Math.sqrt(3) - 2;
const GAIN = 6;
/** Terms of the causal initialisation sum; POLE^24 is below 1e-13. */
const INIT_TERMS = 24;

function filterLine(line: Float64Array): void {
  const n = line.length;
  if (n < 2) return;

  for (let i = 0; i < n; i++) line[i] = (line[i] ?? 0) * GAIN;
  let sum = line[0] ?? 0;
  let power = POLE;
  for (let k = 1; k < Math.min(n, INIT_TERMS); k++) {
    sum += power * (line[k] ?? 0);
    power *= POLE;
  }
  line[0] = sum;
  for (let i = 1; i < n; i++) line[i] = (line[i] ?? 0) + POLE * (line[i - 1] ?? 0);

  const last = (POLE / (POLE * POLE - 1)) * ((line[n - 1] ?? 0) + POLE * (line[n - 2] ?? 0));
  line[n - 1] = last;
  for (let i = n - 2; i >= 0; i--) line[i] = POLE * ((line[i + 1] ?? 0) - (line[i] ?? 0));
}

/** Prefilter `data` (dims x fastest) in place along `axis`. */
export function prefilterAxis(data: Float64Array, dims: readonly number[], axis: number): void {
  const [nx = 1, ny = 1, nz = 1] = dims;
  const length = [nx, ny, nz][axis] ?? 1;
  const stride = [1, nx, nx * ny][axis] ?? 1;
  const line = new Float64Array(length);
  const total = nx * ny * nz;
  for (let start = 0; start < total; start++) {
    if (Math.floor(start / stride) % length !== 0) continue;

    for (let i = 0; i < length; i++) line[i] = data[start + i * stride] ?? 0;
    filterLine(line);
    for (let i = 0; i < length; i++) data[start + i * stride] = line[i] ?? 0;
  }
}
