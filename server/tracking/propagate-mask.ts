/**
 * Carries a lesion mask from one timepoint to the next and refines it on the new image.
 *
 * 1. Carry: every voxel centre q of the next grid takes the previous mask's value at
 *    T⁻¹(q), nearest neighbour, where T maps previous-space points to next-space points.
 * 2. Neighbourhood: the carried mask dilated by `searchMarginMm` (a box, see
 *    mask-morphology.ts); the refined lesion never leaves it.
 * 3. Intensity window: given the image the previous mask was drawn on, learnt there from
 *    the lesion and a ring of tissue around it (lesion-window.ts): that mask is known,
 *    where the carried one may sit half on the organ when the lesion shrank or moved.
 *    Otherwise estimated on the next image: the median HU under the carried mask, plus or
 *    minus max(k · 1.4826 · MAD, minHalfWidthHu) (1.4826 · MAD estimates the standard
 *    deviation while ignoring the carried voxels that miss the lesion); when the median
 *    of the surroundings (neighbourhood minus carried mask) falls inside that window, the
 *    bound on its side is pulled to halfway between the two medians. A fixed window can
 *    be given instead.
 * 4. Region growing: seeds are the carried voxels inside the window; the region grows
 *    through face neighbours (6-connectivity) inside the window and the neighbourhood,
 *    and the holes noise leaves in it are filled.
 * 5. Leak bound: a region that outgrew the carried mask by half and lies against the
 *    neighbourhood's edge over a quarter of its surface has run into a neighbour of
 *    similar density; the seeds alone (carried voxels in the window) are kept instead,
 *    flagged 'refinement-leaked'.
 *
 * Flags say when the result needs a look: nothing carried over, no seed, a region pressing
 * a tenth of its surface against the edge of the neighbourhood, a leak, or a volume far
 * from the carried one.
 * Without a seed the carried mask is returned unrefined.
 *
 * One intensity window assumes a fairly uniform lesion: a necrotic or cavitating lesion
 * keeps its core only when the core is closed (hole filling), and a lesion as dense as
 * its surroundings leaks (and is flagged, or cut back to its seeds). A lesion of a few
 * voxels gives the learnt window little to learn from, so tiny bone lesions in marrow or
 * disc of similar HU come out wrong by up to their own size. Without the previous image
 * the window is estimated on the follow-up, and a lesion that grew past its carried mask
 * fills the ring it is measured against, so the window is cut and the lesion with it.
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
  /** A region larger than this times the carried mask may have leaked (see judgeGrowth). */
  leakFactor?: number;
  /** ... and has, when more than this fraction of its surface lies against the edge. */
  leakEdgeFraction?: number;
  /**
   * 'reaches-search-edge' is raised when more than this fraction of the region's surface
   * lies against the neighbourhood's edge: a lesion that may go on beyond the margin.
   */
  edgeFlagFraction?: number;
  /**
   * The image the previous mask was drawn on (any grid covering it). When given, the
   * window is learnt there from the lesion and its surroundings (lesion-window.ts).
   */
  previousImage?: ImageVolume;
}

/** Review flags a propagation can raise (worded for readers in lib/cell-badges.ts). */
export const PROPAGATE_FLAGS = [
  'empty-after-transform',
  'no-seed',
  'reaches-search-edge',
  'large-volume-change',
  // The grown region leaked; the carried voxels inside the window were kept instead.
  'refinement-leaked',
] as const;

export type PropagateFlag = (typeof PROPAGATE_FLAGS)[number];

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
  leakFactor: 1.5,
  leakEdgeFraction: 0.25,
  // A few fringe voxels of partial volume touch the edge of many well-refined lesions
  // (1.7 to 4.5% of the surface on the phantom, volume errors under 9%); a lesion going on
  // past the margin presses a broad patch of its surface against it.
  edgeFlagFraction: 0.1,
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
  const growth = judgeGrowth(grown, neighbourhood, carried.length, settings);
  if (!growth.leaked) return { mask: grown, carriedMask, windowHu, flags: growth.flags };

  return { ...keepSeeds(nextImage, seeds, neighbourhood, carried.length, settings), carriedMask,
    windowHu };
}

/** After a leak: the carried voxels inside the window, flagged as such. */
function keepSeeds(
  image: ImageVolume, seeds: number[], neighbourhood: ImageVolume, carriedCount: number,
  s: Parameters<typeof judgeGrowth>[3],
) {
  const kept = createImage(image, 'uint8');
  for (const n of seeds) kept.data[n] = 1;
  const mask = fillHoles(kept);
  const own = judgeGrowth(mask, neighbourhood, carriedCount, s).flags;
  // The growth did reach the edge; only the volume change is judged on what is kept.
  const flags: PropagateFlag[] = ['reaches-search-edge', 'refinement-leaked',
    ...own.filter((f) => f === 'large-volume-change')];

  return { mask, flags };
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

/**
 * Flags for a grown region: pressing against the neighbourhood's edge, or a big volume
 * change.
 * It has leaked when it both outgrew the carried mask by `leakFactor` and more than
 * `leakEdgeFraction` of its surface lies against the edge: a lesion that truly grew
 * stays mostly inside the margin, a leak runs out of it along a neighbour of similar
 * density. Surface: the region's voxels with a face neighbour outside it.
 */
function judgeGrowth(
  grown: ImageVolume,
  neighbourhood: ImageVolume,
  carriedCount: number,
  s: {
    volumeChangeFactor: number; leakFactor: number; leakEdgeFraction: number;
    edgeFlagFraction: number;
  },
): { flags: PropagateFlag[]; leaked: boolean } {
  const flags: PropagateFlag[] = [];
  let count = 0;
  let surface = 0;
  let atEdge = 0;
  grown.data.forEach((v, n) => {
    if (v === 0) return;
    count++;
    const around = faceNeighbours(n, grown.size);
    if (around.some((m) => grown.data[m] === 0)) surface++;
    if (around.some((m) => neighbourhood.data[m] === 0)) atEdge++;
  });
  if (atEdge > s.edgeFlagFraction * surface) flags.push('reaches-search-edge');
  const ratio = count / carriedCount;
  if (ratio > s.volumeChangeFactor || ratio < 1 / s.volumeChangeFactor) {
    flags.push('large-volume-change');
  }
  const leaked = ratio > s.leakFactor && atEdge > s.leakEdgeFraction * surface;

  return { flags, leaked };
}
