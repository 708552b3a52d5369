/**
 * Every lesion of a timepoint measured on its own grid, in the frame of the timepoint's
 * CT: the SEG segments and a reader's PET threshold outlines (on the PET grid). A PET of
 * a PET/CT shares the CT's frame of reference; a series in another frame that tracking
 * registered to the CT (series_registrations) has its grid re-expressed in the CT's
 * frame, so the CT's registration to the baseline then carries its lesions as it carries
 * the CT's own. An outline on a series of another frame without that registration is
 * flagged.
 *
 * An outline of a lesion a segment of the same timepoint already holds is set aside, not
 * measured as a second lesion there (outline-overlap.ts); the reader's outline page says
 * which lesion it duplicates.
 */
import type { ImageVolume, Vec3 } from '@/server/imaging/image';
import { measureLesion } from '@/server/tracking';
import { geometryInReferenceFrame } from '@/server/tracking/frame-geometry';

import type { OutlineInput, SeriesToCt, TimepointInputs } from './load-patient';
import { coveringSegment, type SegmentMaskView } from './outline-overlap';
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

export interface MeasuredTimepoint {
  lesions: MeasuredLesion[];
  /** Outlines set aside as duplicates of a segment: outline id ↦ segment mask id. */
  duplicates: Map<string, string>;
}

export async function measureTimepoint(
  dataDir: string,
  timepoint: TimepointInputs,
  seriesToCt: SeriesToCt = new Map(),
): Promise<MeasuredTimepoint> {
  const lesions: MeasuredLesion[] = [];
  const segments = await readSegments(dataDir, timepoint, seriesToCt);
  for (const { segmentMaskId, label, mask } of segments) {
    const measured = measure(mask, { lesionId: segmentMaskId, segmentMaskId, outline: null,
      label });
    if (measured) lesions.push(measured);
  }
  const duplicates = new Map<string, string>();
  for (const input of timepoint.outlines) {
    const read = await readMask(dataDir, input.outline, input.grid);
    const mask = read && inCtFrame(read, input.outline.imageSeriesId, seriesToCt);
    const covered = mask && coveringSegment(mask, segments);
    if (covered) duplicates.set(input.outline.id, covered);
    const measured = mask && !covered &&
      measure(mask, outlineIdentity(input, timepoint, seriesToCt));
    if (measured) lesions.push(measured);
  }

  return { lesions, duplicates };
}

/** The timepoint's SEG segment masks, each seen from the CT's frame. */
export async function readSegments(
  dataDir: string, timepoint: TimepointInputs, seriesToCt: SeriesToCt,
): Promise<(SegmentMaskView & { label: string })[]> {
  const out: (SegmentMaskView & { label: string })[] = [];
  for (const { mask: row, grid } of timepoint.masks) {
    const mask = await readMask(dataDir, row, grid);
    if (mask) {
      out.push({ segmentMaskId: row.id, label: row.label,
        mask: inCtFrame(mask, row.imageSeriesId, seriesToCt) });
    }
  }

  return out;
}

export function inCtFrame(mask: ImageVolume, seriesId: string, seriesToCt: SeriesToCt) {
  const matrix = seriesToCt.get(seriesId);

  return matrix ? geometryInReferenceFrame(mask, matrix) : mask;
}

function outlineIdentity(
  input: OutlineInput, timepoint: TimepointInputs, seriesToCt: SeriesToCt,
): Identity {
  const { outline } = input;
  const ctFrame = timepoint.frameOfReferenceUid;
  const otherFrame = Boolean(ctFrame && input.frameOfReferenceUid &&
    ctFrame !== input.frameOfReferenceUid) && !seriesToCt.has(outline.imageSeriesId);

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
