/**
 * Whether a reader's PET outline is a lesion the timepoint's segmentation already holds.
 * Both masks must be seen from one frame (the PET re-expressed in the CT's frame when it
 * was registered to it). Each outline voxel centre is looked up in the segment's mask,
 * nearest voxel, so the PET's coarse voxels need no resampling of the CT mask.
 *
 * The outline covers a segment when at least half of the smaller of the two lies in
 * both: a 41% SUVmax outline sits inside the CT lesion (most of the outline shared), an
 * SUV 2.5 outline may spread past it (most of the segment shared), and a neighbouring
 * lesion that merely touches shares little of either.
 */
import {
  indexToPoint, pointToIndex, voxelVolumeMl, type ImageVolume,
} from '@/server/imaging/image';

const SHARED_FRACTION = 0.5;

export interface SegmentMaskView {
  segmentMaskId: string;
  mask: ImageVolume;
}

/** The id of the segment the outline duplicates, the one sharing most with it; else null. */
export function coveringSegment(
  outline: ImageVolume, segments: SegmentMaskView[],
): string | null {
  const outlineVoxels = voxelsOf(outline);
  if (outlineVoxels.length === 0) return null;
  const outlineMl = voxelVolumeMl(outline);
  let best: { id: string; shared: number } | null = null;
  for (const segment of segments) {
    const shared = sharedVoxels(outline, outlineVoxels, segment.mask);
    const segmentInOutlineVoxels = countSet(segment.mask) * voxelVolumeMl(segment.mask) /
      outlineMl;
    const smaller = Math.min(outlineVoxels.length, segmentInOutlineVoxels);
    if (shared < SHARED_FRACTION * smaller || shared === 0) continue;
    if (!best || shared > best.shared) best = { id: segment.segmentMaskId, shared };
  }

  return best?.id ?? null;
}

function voxelsOf(mask: ImageVolume): [number, number, number][] {
  const [nx, ny] = mask.size;
  const out: [number, number, number][] = [];
  mask.data.forEach((v, n) => {
    if (v !== 0) out.push([n % nx, Math.floor(n / nx) % ny, Math.floor(n / (nx * ny))]);
  });

  return out;
}

function countSet(mask: ImageVolume): number {
  let count = 0;
  for (const v of mask.data) if (v !== 0) count++;

  return count;
}

function sharedVoxels(
  outline: ImageVolume, voxels: [number, number, number][], segment: ImageVolume,
): number {
  const [nx, ny, nz] = segment.size;
  let shared = 0;
  for (const ijk of voxels) {
    const [i, j, k] = pointToIndex(segment, indexToPoint(outline, ijk)).map(Math.round);
    if (i === undefined || j === undefined || k === undefined) continue;
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) continue;
    if (segment.data[i + nx * (j + ny * k)] !== 0) shared++;
  }

  return shared;
}
