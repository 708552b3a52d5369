/**
 * CT enhancement of one lesion: its mean HU on the contrast-enhanced CT minus its mean HU
 * on the unenhanced CT of the same session. Each mean is taken inside the lesion mask on
 * that scan's own grid, eroded by one voxel (6-neighbourhood), so that neither takes in
 * the rim where lesion and surroundings share voxels: next to lung (-850 HU) a few rim
 * voxels would outweigh any enhancement. The two scans are assumed to share one Frame of
 * Reference (the caller pairs them by it); the mask reaches the other grid by nearest
 * neighbour (resample-mask.ts).
 */
import type { ImageVolume } from '@/server/imaging/image';
import { createImage } from '@/server/imaging/image';
import { maskOnGrid, sameGrid } from './resample-mask';
import { meanOf, valuesUnder } from './roi-values';
import { ENHANCEMENT_MIN_INNER_VOXELS } from './thresholds';
import type { Measured, SeriesImage } from './types';

/** A contrast-enhanced CT and an unenhanced CT of one timepoint and Frame of Reference. */
export interface ContrastPair {
  enhanced: SeriesImage;
  unenhanced: SeriesImage;
}

const FACE_NEIGHBOURS = [
  [-1, 0, 0],
  [1, 0, 0],
  [0, -1, 0],
  [0, 1, 0],
  [0, 0, -1],
  [0, 0, 1],
] as const;

/** Voxels of `mask` whose six face neighbours are all in the mask (the image edge is out). */
export function erodeOnce(mask: ImageVolume): ImageVolume {
  const [nx, ny, nz] = mask.size;
  const out = createImage(mask, 'uint8');
  const on = (i: number, j: number, k: number) => {
    const inside = i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz;

    return inside && (mask.data[(k * ny + j) * nx + i] as number) >= 0.5;
  };
  for (let v = 0; v < mask.data.length; v++) {
    if ((mask.data[v] as number) < 0.5) continue;
    const [i, j, k] = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    if (FACE_NEIGHBOURS.every(([a, b, c]) => on(i + a, j + b, k + c))) out.data[v] = 1;
  }

  return out;
}

function innerValues(image: ImageVolume, lesion: ImageVolume): Float64Array {
  const onGrid = sameGrid(lesion, image) ? lesion : maskOnGrid(lesion, image);

  return valuesUnder(image, erodeOnce(onGrid));
}

export type EnhancementResult = { measured: Measured } | { skipped: string };

export function enhancementSignal(pair: ContrastPair, lesion: ImageVolume): EnhancementResult {
  const enhanced = innerValues(pair.enhanced.image, lesion);
  const unenhanced = innerValues(pair.unenhanced.image, lesion);
  const fewest = Math.min(enhanced.length, unenhanced.length);
  if (fewest < ENHANCEMENT_MIN_INNER_VOXELS) {
    const which = enhanced.length <= unenhanced.length ? 'enhanced' : 'unenhanced';

    return {
      skipped:
        `the lesion keeps ${fewest} voxel(s) inside its edge on the ${which} CT; ` +
        `at least ${ENHANCEMENT_MIN_INNER_VOXELS} are needed to measure enhancement`,
    };
  }

  return {
    measured: {
      value: meanOf(enhanced) - meanOf(unenhanced),
      voxelCount: enhanced.length,
      method:
        'mean HU in the mask eroded by one voxel on the enhanced CT minus the same on the ' +
        'unenhanced CT (mask moved there by nearest neighbour)',
      settings: {
        unenhancedSeries: pair.unenhanced.seriesUid,
        unenhancedVoxelCount: unenhanced.length,
        erosionVoxels: 1,
        minInnerVoxels: ENHANCEMENT_MIN_INNER_VOXELS,
      },
    },
  };
}
