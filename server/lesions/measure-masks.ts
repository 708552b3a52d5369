/**
 * Every lesion of a timepoint measured on its own grid, in its scanner frame: the SEG
 * segments (on the CT grid) and a reader's PET threshold outlines (on the PET grid). A
 * PET of a PET/CT shares the CT's frame of reference, so the CT's registration carries
 * an outline as it carries a segment; an outline on a PET of another frame is flagged.
 */
import type { ImageVolume, Vec3 } from '@/server/imaging/image';
import { measureLesion } from '@/server/tracking';

import type { OutlineInput, TimepointInputs } from './load-patient';
import { readMask } from './read-images';

export interface MeasuredLesion {
  /** What matching and decisions call the lesion: its segment mask id or outline id. */
  lesionId: string;
  segmentMaskId: string | null;
  /** Set for a reader's threshold outline, with the PET series its mask lies on. */
  outline: { id: string; imageSeriesId: string; reachedBound: boolean; otherFrame: boolean }
    | null;
  label: string;
  mask: ImageVolume;
  /** Volume of one voxel of the mask's grid: the size gate allows for a few of them. */
  voxelVolumeMl: number;
  volumeMl: number;
  longestDiameterMm: number;
  shortAxisMm: number;
  centroidMm: Vec3;
  /** Disjoint parts (26-connected) of the segment; more than one is flagged for review. */
  componentCount: number;
}

type Identity = Pick<MeasuredLesion, 'lesionId' | 'segmentMaskId' | 'outline' | 'label'>;

export async function measureTimepoint(
  dataDir: string,
  timepoint: TimepointInputs,
): Promise<MeasuredLesion[]> {
  const out: MeasuredLesion[] = [];
  for (const { mask: row, grid } of timepoint.masks) {
    const mask = await readMask(dataDir, row, grid);
    const identity = { lesionId: row.id, segmentMaskId: row.id, outline: null, label: row.label };
    const measured = mask && measure(mask, identity);
    if (measured) out.push(measured);
  }
  for (const input of timepoint.outlines) {
    const mask = await readMask(dataDir, input.outline, input.grid);
    const measured = mask && measure(mask, outlineIdentity(input, timepoint));
    if (measured) out.push(measured);
  }

  return out;
}

function outlineIdentity(input: OutlineInput, timepoint: TimepointInputs): Identity {
  const { outline } = input;
  const ctFrame = timepoint.frameOfReferenceUid;
  const otherFrame = Boolean(ctFrame && input.frameOfReferenceUid &&
    ctFrame !== input.frameOfReferenceUid);

  return {
    lesionId: outline.id, segmentMaskId: null, label: `PET outline ${outline.method}`,
    outline: { id: outline.id, imageSeriesId: outline.imageSeriesId,
      reachedBound: outline.reachedBound, otherFrame },
  };
}

function measure(mask: ImageVolume, identity: Identity): MeasuredLesion | null {
  const m = measureLesion(mask);
  if (m.voxelCount === 0) return null;
  const [sx = 1, sy = 1, sz = 1] = mask.spacingMm;

  return {
    ...identity,
    mask,
    voxelVolumeMl: (sx * sy * sz) / 1000,
    volumeMl: m.volumeMl,
    longestDiameterMm: m.longestAxialDiameterMm,
    shortAxisMm: m.shortAxisMm,
    centroidMm: m.centroidMm,
    componentCount: m.componentCount,
  };
}
