/** Every SEG lesion of a timepoint measured on its own grid, in its scanner frame. */
import type { ImageVolume, Vec3 } from '@/server/imaging/image';
import { measureLesion } from '@/server/tracking';

import type { TimepointInputs } from './load-patient';
import { readMask } from './read-images';

export interface MeasuredLesion {
  segmentMaskId: string;
  label: string;
  mask: ImageVolume;
  volumeMl: number;
  longestDiameterMm: number;
  shortAxisMm: number;
  centroidMm: Vec3;
  /** Disjoint parts (26-connected) of the segment; more than one is flagged for review. */
  componentCount: number;
}

export async function measureTimepoint(
  dataDir: string,
  timepoint: TimepointInputs,
): Promise<MeasuredLesion[]> {
  const out: MeasuredLesion[] = [];
  for (const { mask: row, grid } of timepoint.masks) {
    const mask = await readMask(dataDir, row, grid);
    if (!mask) continue;
    const m = measureLesion(mask);
    if (m.voxelCount === 0) continue;
    out.push({
      segmentMaskId: row.id,
      label: row.label,
      mask,
      volumeMl: m.volumeMl,
      longestDiameterMm: m.longestAxialDiameterMm,
      shortAxisMm: m.shortAxisMm,
      centroidMm: m.centroidMm,
      componentCount: m.componentCount,
    });
  }

  return out;
}
