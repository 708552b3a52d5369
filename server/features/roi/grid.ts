import type { ImageVolume, Vec3 } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';
import type { FeatureSettings } from '../settings';
import { prefilterAxis } from './bspline';
import { resampleAxis, type Dims } from './separable';
import { axisTaps, shiftTaps, type AxisTaps, type TapKind } from './taps';

/** The image and morphological mask cropped around the ROI, resampled if asked. */
export interface RoiGrid {
  size: Dims;
  spacingMm: Vec3;
  image: Float64Array;
  morphMask: Uint8Array;
}

type Resampling = NonNullable<FeatureSettings['resampling']>;

/** Source-index positions of the output samples along one axis, and their spacing. */
interface AxisPlan {
  positions: Float64Array;
  spacingMm: number;
  resampled: boolean;
}

/** Samples beyond the block edge that the B-spline prefilter needs to settle. */
const PREFILTER_MARGIN = 12;

function maskBounds(mask: ImageVolume): { lo: Vec3; hi: Vec3 } {
  const [nx, ny] = mask.size;
  const lo: Vec3 = [Infinity, Infinity, Infinity];
  const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
  const data = mask.data;
  for (let v = 0; v < data.length; v++) {
    if ((data[v] ?? 0) < 0.5) continue;

    const coords = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (let a = 0; a < 3; a++) {
      const c = coords[a] ?? 0;
      if (c < lo[a]!) lo[a] = c;
      if (c > hi[a]!) hi[a] = c;
    }
  }
  if (lo[0] === Infinity) {
    throw new AppError('BAD_INPUT', 'The mask has no voxel at or above 0.5.', {
      userMessage: 'The mask is empty: draw or choose a segmentation with at least one voxel.',
    });
  }

  return { lo, hi };
}

function range(from: number, to: number, start: number, step: number): Float64Array {
  const out = new Float64Array(Math.max(0, to - from + 1));
  for (let m = from; m <= to; m++) out[m - from] = start + m * step;

  return out;
}

/**
 * IBSI grid alignment: the new grid has ceil(n·s/s') samples and shares its centre with
 * the original grid; only the part within `marginMm` of the ROI is kept.
 */
function planAxis(n: number, spacingMm: number, target: number | null, lo: number, hi: number,
  marginMm: number): AxisPlan {
  if (target === null || target === spacingMm) {
    const margin = Math.ceil(marginMm / spacingMm);
    const from = Math.max(0, lo - margin);

    const positions = range(from, Math.min(n - 1, hi + margin), 0, 1);

    return { positions, spacingMm, resampled: false };
  }

  const count = Math.ceil((n * spacingMm) / target - 1e-9);
  const step = target / spacingMm;
  const start = (spacingMm * (n - 1) - target * (count - 1)) / (2 * spacingMm);
  const margin = marginMm / spacingMm + 2;
  const from = Math.max(0, Math.floor((lo - margin - start) / step));
  const to = Math.min(count - 1, Math.ceil((hi + margin - start) / step));

  return { positions: range(from, to, start, step), spacingMm: target, resampled: true };
}

function extractBlock(volume: ImageVolume, from: Vec3, dims: Dims): Float64Array {
  const [nx, ny] = volume.size;
  const out = new Float64Array(dims[0] * dims[1] * dims[2]);
  let o = 0;
  for (let z = 0; z < dims[2]; z++) {
    for (let y = 0; y < dims[1]; y++) {
      const row = from[0] + (from[1] + y) * nx + (from[2] + z) * nx * ny;
      for (let x = 0; x < dims[0]; x++) out[o++] = volume.data[row + x] ?? 0;
    }
  }

  return out;
}

function tapBounds(taps: AxisTaps[], extra: number, n: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of taps) {
    for (const index of t.indices) {
      lo = Math.min(lo, index);
      hi = Math.max(hi, index);
    }
  }

  return [Math.max(0, lo - extra), Math.min(n - 1, hi + extra)];
}

/**
 * Extract the block the taps reach and resample it axis by axis. Axes in `copied` are
 * taken as they are: their taps pick every sample of the block once (weight 1, no
 * resampling), so the separable pass along them would only copy.
 */
function resampleBlock(volume: ImageVolume, taps: AxisTaps[], prefilter: boolean[],
  copied: boolean[]): Float64Array {
  const from: Vec3 = [0, 0, 0];
  const dims: Dims = [1, 1, 1];
  const shifted: AxisTaps[] = [];
  for (let a = 0; a < 3; a++) {
    const axisTapsA = taps[a]!;
    const [lo, hi] = tapBounds([axisTapsA], prefilter[a] ? PREFILTER_MARGIN : 0, volume.size[a]!);
    from[a] = lo;
    dims[a] = hi - lo + 1;
    shifted.push(shiftTaps(axisTapsA, lo));
  }
  let data = extractBlock(volume, from, dims);
  let current = dims;
  for (let a = 0; a < 3; a++) if (prefilter[a]) prefilterAxis(data, current, a);
  for (const a of [0, 1, 2] as const) {
    if (copied[a]) continue;

    ({ data, dims: current } = resampleAxis(data, current, a, shifted[a]!));
  }

  return data;
}

function assertSameGeometry(image: ImageVolume, mask: ImageVolume): void {
  if (image.size.every((n, a) => n === mask.size[a])) return;

  throw new AppError(
    'BAD_INPUT',
    `Image size ${image.size.join('x')} differs from mask size ${mask.size.join('x')}.`,
    { userMessage: 'The mask must be drawn on the same grid as the image; resample it first.' },
  );
}

/** Crop (and resample) image and mask around the ROI with `marginMm` of context. */
export function buildRoiGrid(image: ImageVolume, mask: ImageVolume,
  resampling: Resampling | null, marginMm: number): RoiGrid {
  assertSameGeometry(image, mask);
  const { lo, hi } = maskBounds(mask);
  const plans = [0, 1, 2].map((a) =>
    planAxis(image.size[a]!, image.spacingMm[a]!, resampling?.spacingMm[a] ?? null,
      lo[a]!, hi[a]!, marginMm));
  const imageKind: TapKind = resampling?.interpolation === 'tricubic' ? 'cubic-bspline' : 'linear';
  const imageTaps = plans.map((p, a) =>
    axisTaps(p.resampled ? imageKind : 'nearest', p.positions, image.size[a]!));
  const maskTaps = plans.map((p, a) =>
    axisTaps(p.resampled ? 'linear' : 'nearest', p.positions, image.size[a]!));
  const prefilter = plans.map((p) => p.resampled && imageKind === 'cubic-bspline');

  const copied = plans.map((p) => !p.resampled);
  const values = resampleBlock(image, imageTaps, prefilter, copied);
  const maskValues = resampleBlock(mask, maskTaps, [false, false, false], copied);
  const anyResampled = plans.some((p) => p.resampled);
  if (anyResampled && resampling?.roundIntensities) {
    for (let v = 0; v < values.length; v++) values[v] = Math.round(values[v] ?? 0);
  }
  // Interpolation can land a hair under the threshold (0.4999...), which IBSI warns about.
  const threshold = (resampling?.maskThreshold ?? 0.5) - 1e-9;
  const morphMask = new Uint8Array(maskValues.length);
  for (let v = 0; v < maskValues.length; v++) {
    morphMask[v] = (maskValues[v] ?? 0) >= threshold ? 1 : 0;
  }

  const size = plans.map((p) => p.positions.length) as Dims;
  const spacingMm: Vec3 = [plans[0]!.spacingMm, plans[1]!.spacingMm, plans[2]!.spacingMm];

  return { size, spacingMm, image: values, morphMask };
}
