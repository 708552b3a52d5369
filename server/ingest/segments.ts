import { randomUUID } from 'node:crypto';
import path from 'node:path';

import type { ImageVolume } from '@/server/imaging/image';
import { writeFileAtomic } from '@/server/storage/files';
import { maskPath } from '@/server/storage/layout';

import type { PreparedSegment } from './prepared';

export interface SegmentMaskInput {
  segmentNumber: number;
  label?: string;
  description?: string;
  mask: ImageVolume;
}

/**
 * Writes each mask cropped to its bounding box: a lesion is a few thousand voxels
 * in a grid of tens of millions, and the viewer only needs the box.
 */
export async function storeSegments(
  dataDir: string,
  masks: SegmentMaskInput[],
): Promise<PreparedSegment[]> {
  const out: PreparedSegment[] = [];
  for (const segment of masks) {
    const id = randomUUID();
    const { bbox, voxelCount, cropped } = cropToBox(segment.mask);
    await writeFileAtomic(path.join(/* turbopackIgnore: true */ dataDir, maskPath(id)), cropped);
    out.push({
      id,
      segmentNumber: segment.segmentNumber,
      label: segment.label ?? `Segment ${segment.segmentNumber}`,
      description: segment.description ?? null,
      voxelCount,
      bbox,
    });
  }

  return out;
}

/** Inclusive box [i0, j0, k0, i1, j1, k1]; an empty mask gives a zero-size box. */
export function cropToBox(mask: ImageVolume) {
  const [nx, ny, nz] = mask.size;
  const lo = [nx, ny, nz];
  const hi = [-1, -1, -1];
  let voxelCount = 0;
  for (let k = 0, n = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, n++) {
        if (!mask.data[n]) continue;
        voxelCount++;
        grow(lo, hi, i, j, k);
      }
    }
  }
  if (voxelCount === 0)
    return { bbox: [0, 0, 0, -1, -1, -1], voxelCount, cropped: new Uint8Array(0) };

  const [i0, j0, k0] = lo as [number, number, number];
  const [i1, j1, k1] = hi as [number, number, number];
  const bx = i1 - i0 + 1;
  const by = j1 - j0 + 1;
  const cropped = new Uint8Array(bx * by * (k1 - k0 + 1));
  for (let k = k0; k <= k1; k++) {
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        cropped[(k - k0) * bx * by + (j - j0) * bx + (i - i0)] = mask.data[k * nx * ny + j * nx + i]
          ? 1
          : 0;
      }
    }
  }

  return { bbox: [i0, j0, k0, i1, j1, k1], voxelCount, cropped };
}

function grow(lo: number[], hi: number[], i: number, j: number, k: number): void {
  const p = [i, j, k];
  for (let a = 0; a < 3; a++) {
    const v = p[a] as number;
    if (v < (lo[a] as number)) lo[a] = v;
    if (v > (hi[a] as number)) hi[a] = v;
  }
}
