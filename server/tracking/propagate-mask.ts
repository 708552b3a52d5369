/**
 * Carries a lesion mask from one timepoint to the next and refines it on the new image.
 *
 * 1. Carry: every voxel centre q of the next grid takes the previous mask's value at
 *    T⁻¹(q), nearest neighbour, where T maps previous-space points to next-space points.
 * 2. Neighbourhood: the carried mask dilated by `searchMarginMm` (a box, see
 *    mask-morphology.ts); the refined lesion never leaves it.
 * 3. Intensity window: the median HU of the next image under the carried mask, plus or
 *    minus max(k · 1.4826 · MAD, minHalfWidthHu); 1.4826 · MAD estimates the standard
 *    deviation while ignoring the carried voxels that miss the lesion. When the median
 *    of the surroundings (neighbourhood minus carried mask) falls inside that window,
 *    the bound on its side is pulled to halfway between the two medians, so a lesion of
 *    low contrast does not grow into its organ. A fixed window can be given instead.
 * 4. Region growing: seeds are the carried voxels inside the window; the region grows
 *    through face neighbours (6-connectivity) inside the window and the neighbourhood.
 *
 * Flags say when the result needs a look: nothing carried over, no seed, a region that
 * reaches the edge of the neighbourhood (likely leaking into a neighbour of similar
 * density), or a volume far from the carried one. Without a seed the carried mask is
 * returned unrefined.
 *
 * One intensity window assumes a fairly uniform lesion: a necrotic or cavitating lesion
 * loses its core, and a lesion as dense as its surroundings leaks to the margin (and is
 * flagged); a learned or edge-based refinement would be needed for those.
 */
import { createImage, type ImageVolume } from '../imaging/image';
import { invertMatrix, type AffineTransform } from './affine';
import { learnWindow } from './lesion-window';
import { dilateBox, faceNeighbours, fillHoles, marginVoxels } from './mask-morphology';
import { resampleVolume } from './resample';

export interface PropagateOptions {
  /** How far (mm) the lesion may extend beyond the carried mask. */
  searchMarginMm?: number;
  /** Fixed HU window [low, high]; by default estimated from the carried voxels. */
  windowHu?: [number, number];
  /** Width of the estimated window in robust standard deviations. */
  windowSigmas?: number;
  /** The estimated window is never narrower than ± this (noise of a thin CT slice). */
  minHalfWidthHu?: number;
  /** Flag when refined / carried volume leaves [1 / f, f]. */
  volumeChangeFactor?: number;
  /**
   * The image the previous mask was drawn on (any grid covering it). When given, the
   * window is learnt there from the lesion and its surroundings (lesion-window.ts).
   */
  previousImage?: ImageVolume;
}

export type PropagateFlag =
  | 'empty-after-transform'
  | 'no-seed'
  | 'reaches-search-edge'
  | 'large-volume-change';

export interface PropagateResult {
  /** The refined mask on the next grid (uint8, 0/1). */
  mask: ImageVolume;
  /** The mask carried by the transform alone, before refinement. */
  carriedMask: ImageVolume;
  windowHu: [number, number] | null;
  flags: PropagateFlag[];
}

const DEFAULTS = {
  searchMarginMm: 5,
  windowSigmas: 2.5,
  minHalfWidthHu: 30,
  volumeChangeFactor: 2,
} as const;

export function propagateMask(
  previousMask: ImageVolume,
  transformPrevToNext: AffineTransform,
  nextImage: ImageVolume,
  options: PropagateOptions = {},
): PropagateResult {
  const settings = { ...DEFAULTS, ...options };
  const nextToPrev = invertMatrix(transformPrevToNext.matrix);
  const binary = {
    ...previousMask, pixelType: 'uint8' as const,
    data: Uint8Array.from(previousMask.data, (v) => (v ? 1 : 0)),
  };
  const carriedMask = resampleVolume(binary, nextImage, nextToPrev, {
    interpolation: 'nearest', outsideValue: 0,
  });
  const carried = voxelsOf(carriedMask);
  if (carried.length === 0) {
    return { mask: carriedMask, carriedMask, windowHu: null, flags: ['empty-after-transform'] };
  }

  const radius = marginVoxels(nextImage.spacingMm, settings.searchMarginMm);
  const neighbourhood = dilateBox(carriedMask, radius);
  const learnt = !settings.windowHu && settings.previousImage
    ? learnWindow(settings.previousImage, binary) : null;
  const windowHu = settings.windowHu ?? learnt?.windowHu ??
    apartFromSurroundings(estimateWindow(nextImage, carried, settings),
      ringMedian(nextImage, neighbourhood, carriedMask));
  const inWindow = (n: number) => {
    const hu = nextImage.data[n] ?? -Infinity;

    return hu >= windowHu[0] && hu <= windowHu[1];
  };
  const seeds = carried.filter(inWindow);
  if (seeds.length === 0) return { mask: carriedMask, carriedMask, windowHu, flags: ['no-seed'] };

  const grown = fillHoles(
    growRegion(nextImage, seeds, (n) => neighbourhood.data[n] === 1 && inWindow(n)));
  const flags = judgeGrowth(grown, neighbourhood, carried.length, settings.volumeChangeFactor);

  return { mask: grown, carriedMask, windowHu, flags };
}

function voxelsOf(mask: ImageVolume): number[] {
  const out: number[] = [];
  mask.data.forEach((v, n) => {
    if (v !== 0) out.push(n);
  });

  return out;
}

function estimateWindow(
  image: ImageVolume,
  voxels: number[],
  s: { windowSigmas: number; minHalfWidthHu: number },
): [number, number] {
  const values = voxels.map((n) => image.data[n] ?? 0);
  const centre = median(values);
  const mad = median(values.map((v) => Math.abs(v - centre)));
  const half = Math.max(s.windowSigmas * 1.4826 * mad, s.minHalfWidthHu);

  return [centre - half, centre + half];
}

/** Median HU of the neighbourhood outside the carried mask: the lesion's surroundings. */
function ringMedian(image: ImageVolume, neighbourhood: ImageVolume, carried: ImageVolume) {
  const values: number[] = [];
  neighbourhood.data.forEach((v, n) => {
    if (v !== 0 && carried.data[n] === 0) values.push(image.data[n] ?? 0);
  });

  return values.length > 0 ? median(values) : null;
}

/**
 * When the surroundings' median HU falls inside the window, the region would grow into
 * them: the bound on their side moves to halfway between lesion and surroundings, the
 * threshold that best separates two classes of equal spread.
 */
function apartFromSurroundings(
  window: [number, number], surroundingsHu: number | null,
): [number, number] {
  if (surroundingsHu === null || surroundingsHu < window[0] || surroundingsHu > window[1]) {
    return window;
  }
  const centre = (window[0] + window[1]) / 2;
  const halfway = (centre + surroundingsHu) / 2;

  return surroundingsHu > centre ? [window[0], halfway] : [halfway, window[1]];
}

function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);

  if (sorted.length % 2 === 1) return sorted[mid] ?? 0;

  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function growRegion(
  image: ImageVolume,
  seeds: number[],
  accept: (n: number) => boolean,
): ImageVolume {
  const out = createImage(image, 'uint8');
  const stack = [...seeds];
  for (const n of seeds) out.data[n] = 1;
  while (stack.length > 0) {
    for (const m of faceNeighbours(stack.pop() ?? 0, image.size)) {
      if (out.data[m] === 1 || !accept(m)) continue;
      out.data[m] = 1;
      stack.push(m);
    }
  }

  return out;
}

/** Flags for a grown region: touching the neighbourhood's edge, or a big volume change. */
function judgeGrowth(
  grown: ImageVolume,
  neighbourhood: ImageVolume,
  carriedCount: number,
  factor: number,
): PropagateFlag[] {
  const flags: PropagateFlag[] = [];
  let count = 0;
  let touches = false;
  grown.data.forEach((v, n) => {
    if (v === 0) return;
    count++;
    if (touches) return;
    touches = faceNeighbours(n, grown.size).some((m) => neighbourhood.data[m] === 0);
  });
  if (touches) flags.push('reaches-search-edge');
  const ratio = count / carriedCount;
  if (ratio > factor || ratio < 1 / factor) flags.push('large-volume-change');

  return flags;
}
