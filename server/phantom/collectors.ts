/**
 * Ground-truth bookkeeping done while slices are written: which CT voxels each lesion
 * owns (counted, located, and packed into SEG frames) and what each lesion's PET voxels
 * read once decoded. Everything is taken from the very values written to the files.
 */
import type { ImageGeometry, Vec3 } from '@/server/imaging/image';
import { TISSUE } from './anatomy';
import { sliceZ } from './grids';
import type { SliceBuffers } from './render';

export interface LesionMask {
  voxelCount: number;
  /** Mean scanner-frame position of the lesion's voxel centres. */
  centroidMm: Vec3 | null;
  /** Packed 1-bit frames (LSB first) by slice k, only for slices the lesion touches. */
  frames: Map<number, Uint8Array>;
}

export function collectMasks(geometry: ImageGeometry, lesionCount: number) {
  const [columns, rows] = geometry.size;
  const [px, py] = geometry.spacingMm;
  const masks = Array.from({ length: lesionCount }, () => ({
    voxelCount: 0,
    sum: [0, 0, 0],
    frames: new Map<number, Uint8Array>(),
  }));

  const add = (k: number, buffers: SliceBuffers) => {
    const z = sliceZ(geometry, k);
    for (let n = 0; n < buffers.labels.length; n++) {
      const label = buffers.labels[n]!;
      if (label === 0) continue;
      const mask = masks[label - 1]!;
      let frame = mask.frames.get(k);
      if (!frame) mask.frames.set(k, (frame = new Uint8Array((columns * rows) / 8)));
      frame[n >> 3]! |= 1 << (n & 7);
      mask.voxelCount += 1;
      mask.sum[0]! += geometry.originMm[0] + (n % columns) * px;
      mask.sum[1]! += geometry.originMm[1] + Math.floor(n / columns) * py;
      mask.sum[2]! += z;
    }
  };
  const result = (): LesionMask[] =>
    masks.map((m) => ({
      voxelCount: m.voxelCount,
      centroidMm: m.voxelCount ? (m.sum.map((s) => s / m.voxelCount) as Vec3) : null,
      frames: m.frames,
    }));

  return { add, result };
}

export interface UptakeStats {
  max: number | null;
  mean: number | null;
  /** PET voxel (i, j, k) holding the maximum. */
  maxVoxel: Vec3 | null;
  voxelCount: number;
}

/** `toSuv` turns a decoded PET value (Bq/ml) into SUV. */
export function collectUptake(geometry: ImageGeometry, lesionCount: number, toSuv: number) {
  const [columns] = geometry.size;
  const stats = Array.from({ length: lesionCount }, () => ({
    max: -Infinity,
    sum: 0,
    count: 0,
    at: [0, 0, 0] as Vec3,
  }));
  let liverSum = 0;
  let liverCount = 0;

  const add = (k: number, buffers: SliceBuffers, decoded: Float64Array) => {
    for (let n = 0; n < decoded.length; n++) {
      const suv = decoded[n]! * toSuv;
      const label = buffers.labels[n]!;
      if (label === 0) {
        if (buffers.tissues[n] === TISSUE.liver)
          [liverSum, liverCount] = [liverSum + suv, liverCount + 1];
        continue;
      }
      const s = stats[label - 1]!;
      s.sum += suv;
      s.count += 1;
      if (suv > s.max) [s.max, s.at] = [suv, [n % columns, Math.floor(n / columns), k]];
    }
  };
  const lesions = (): UptakeStats[] =>
    stats.map((s) => ({
      max: s.count ? s.max : null,
      mean: s.count ? s.sum / s.count : null,
      maxVoxel: s.count ? s.at : null,
      voxelCount: s.count,
    }));

  return { add, lesions, liverMean: () => (liverCount ? liverSum / liverCount : null) };
}
