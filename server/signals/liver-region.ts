/**
 * Finds the liver on the PET grid from the CT: CT is sampled at PET voxel centres (nearest
 * neighbour, same Frame of Reference assumed), smoothed by a 3x3x3 mean (CT noise would
 * otherwise punch holes in the soft-tissue window), and the liver is taken as the largest
 * connected region of HU 30-100 on the patient's right (x below the body's centre, LPS)
 * and inferior to the centroid of the lungs.
 *
 * Known shortcoming: muscle and spleen share the liver's HU window; the right-side,
 * below-the-lungs and largest-region rules stand in for an organ model, so a large
 * right-sided soft-tissue mass or a small liver can mislead it. Check the placed sphere.
 */
import type { ImageGeometry, ImageVolume } from '@/server/imaging/image';
import { pointToIndex } from '@/server/imaging/image';
import { largestRegion, voxelCentres } from './grid-walk';
import { LIVER_HU_RANGE } from './thresholds';

const AIR_HU = -1000;
/** Lung parenchyma, clear of outside air (-1000) and fat (-100). */
const LUNG_HU: [number, number] = [-950, -400];
const BODY_MIN_HU = -500;

export function ctOnGrid(ct: ImageVolume, grid: ImageGeometry, centres: Float64Array) {
  const out = new Float32Array(centres.length / 3).fill(AIR_HU);
  const [nx, ny, nz] = ct.size;
  for (let v = 0; v < out.length; v++) {
    const p = pointToIndex(ct, [centres[3 * v]!, centres[3 * v + 1]!, centres[3 * v + 2]!]);
    const [i, j, k] = p.map((x) => Math.floor(x + 0.5)) as [number, number, number];
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) continue;
    out[v] = ct.data[(k * ny + j) * nx + i] as number;
  }

  return out;
}

/** Mean over the 3x3x3 neighbourhood (fewer at the edges), one axis at a time. */
export function boxMean3(values: Float32Array, size: readonly number[]): Float32Array {
  let current = values;
  let stride = 1;
  for (let axis = 0; axis < 3; axis++) {
    const n = size[axis]!;
    const next = new Float32Array(current.length);
    for (let v = 0; v < current.length; v++) {
      const at = Math.floor(v / stride) % n;
      let [sum, count] = [current[v]!, 1];
      if (at > 0) [sum, count] = [sum + current[v - stride]!, count + 1];
      if (at < n - 1) [sum, count] = [sum + current[v + stride]!, count + 1];
      next[v] = sum / count;
    }
    current = next;
    stride *= n;
  }

  return current;
}

function meanCoordinate(
  hu: Float32Array,
  centres: Float64Array,
  axis: number,
  test: (h: number) => boolean,
) {
  let [sum, count] = [0, 0];
  hu.forEach((h, v) => {
    if (test(h)) [sum, count] = [sum + centres[3 * v + axis]!, count + 1];
  });

  return count ? sum / count : null;
}

/** 1 where the PET voxel belongs to the liver region found on CT. */
export function liverRegion(ct: ImageVolume, grid: ImageGeometry): Uint8Array {
  const centres = voxelCentres(grid);
  const hu = boxMean3(ctOnGrid(ct, grid, centres), grid.size);
  const bodyX = meanCoordinate(hu, centres, 0, (h) => h > BODY_MIN_HU) ?? 0;
  const lungZ = meanCoordinate(hu, centres, 2, (h) => h >= LUNG_HU[0] && h <= LUNG_HU[1]);
  const [low, high] = LIVER_HU_RANGE;
  const candidate = Uint8Array.from(hu, (h, v) => {
    const right = centres[3 * v]! < bodyX;
    const belowLungs = lungZ === null || centres[3 * v + 2]! < lungZ;

    return h >= low && h <= high && right && belowLungs ? 1 : 0;
  });

  return largestRegion(candidate, grid.size);
}
