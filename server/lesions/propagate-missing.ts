/**
 * Looking for a tracked lesion at a follow-up that has no segmentation of it: the mask of
 * its previous sighting is carried through the stored transforms (previous ↦ baseline ↦
 * this timepoint) and refined on this timepoint's CT by propagateMask, with the lesion's HU
 * window learnt on the CT of that previous sighting. The result is an
 * observation of source 'propagated', always flagged 'needs-review'.
 *
 * Only a timepoint without any SEG mask is searched. A timepoint whose SEG lists other
 * lesions but not this one is read as the segmenter saying the lesion is gone, and from
 * there on it is not looked for; so is a lesion a reader marked vanished, or a track
 * closed by a merge. A lesion the segmenter missed in an otherwise segmented scan is
 * therefore not found; telling "missed" from "gone" would need a check of the refined
 * region's contrast against its surroundings.
 */
import type { ImageVolume } from '@/server/imaging/image';
import { measureLesion, propagateMask } from '@/server/tracking';
import { affine, composeMatrices, invertMatrix, type Mat3x4 } from '@/server/tracking/affine';

import type { Alignment } from './align';
import { cropVolume, reachBox } from './crop-volume';
import type { DraftTrack, PropagatedObservation } from './draft';
import type { PatientInputs } from './load-patient';
import type { MeasuredLesion } from './measure-masks';
import { readCt } from './read-images';

// How far (mm) the lesion may have grown beyond the carried mask: propagateMask's default.
const SEARCH_MARGIN_MM = 5;

interface Sighting {
  mask: ImageVolume;
  timepointIndex: number;
  from: { lesionId: string; segmentMaskId: string | null };
}

export interface PropagationContext {
  dataDir: string;
  inputs: PatientInputs;
  alignments: Alignment[];
  measured: MeasuredLesion[][];
}

export async function propagateMissing(ctx: PropagationContext, tracks: DraftTrack[]) {
  const cts = new Map<number, Promise<ImageVolume>>();
  const ctAt = (t: number) => {
    const row = ctx.inputs.timepoints[t]!.ct!;
    if (!cts.has(t)) cts.set(t, readCt(ctx.dataDir, row));

    return cts.get(t)!;
  };
  for (const track of tracks) track.propagated = await propagateTrack(ctx, track, ctAt);
}

async function propagateTrack(
  ctx: PropagationContext,
  track: DraftTrack,
  ctAt: (t: number) => Promise<ImageVolume>,
): Promise<PropagatedObservation[]> {
  const out: PropagatedObservation[] = [];
  const start = track.observations[0]?.timepointIndex ?? Infinity;
  const closedAt = Math.min(track.vanishedFrom ?? Infinity, mergedAt(track));
  let last: Sighting | null = null;
  for (let t = start; t < ctx.inputs.timepoints.length && t < closedAt; t++) {
    const seen = track.observations.find((o) => o.timepointIndex === t);
    const lesion = seen && ctx.measured[t]?.find((l) => l.lesionId === seen.lesionId);
    if (lesion) {
      const from = { lesionId: lesion.lesionId, segmentMaskId: lesion.segmentMaskId };
      last = { mask: lesion.mask, timepointIndex: t, from };
      continue;
    }
    const timepoint = ctx.inputs.timepoints[t]!;
    if (!last || timepoint.masks.length > 0 || !timepoint.ct) break;
    const before = ctx.inputs.timepoints[last.timepointIndex]?.ct
      ? await ctAt(last.timepointIndex) : undefined;
    const found = carry(last, matrixBetween(ctx, last.timepointIndex, t), await ctAt(t), before);
    if (!found) break;
    out.push({ ...found, timepointIndex: t, imageSeriesId: timepoint.ct.seriesId,
      fromLesionId: last.from.lesionId, fromSegmentMaskId: last.from.segmentMaskId });
    last = { mask: found.mask, timepointIndex: t, from: last.from };
  }

  return out;
}

/** The first timepoint after a merge that closed this track, if one did. */
function mergedAt(track: DraftTrack): number {
  const lastSeen = track.observations.at(-1)?.timepointIndex ?? -1;
  const merge = track.events.find((e) => e.kind === 'merged' && e.timepointIndex > lastSeen);

  return merge ? merge.timepointIndex : Infinity;
}

/** Timepoint `from` LPS ↦ timepoint `to` LPS: back to baseline, then out to `to`. */
export function matrixBetween(ctx: PropagationContext, from: number, to: number): Mat3x4 {
  const toBaseline = invertMatrix(ctx.alignments[from]!.matrix);

  return composeMatrices(ctx.alignments[to]!.matrix, toBaseline);
}

/** `before` is the CT the last sighting lies on: its HU window is learnt there. */
function carry(last: Sighting, matrix: Mat3x4, ct: ImageVolume, before?: ImageVolume) {
  const box = reachBox(last.mask, matrix, ct, SEARCH_MARGIN_MM * 2);
  if (!box) return null;
  const result = propagateMask(last.mask, affine(matrix), cropVolume(ct, box),
    { searchMarginMm: SEARCH_MARGIN_MM, previousImage: before });
  const measurement = measureLesion(result.mask);
  if (measurement.voxelCount === 0) return null;
  const flags = ['needs-review', ...result.flags];
  if (measurement.componentCount > 1) flags.push('several-parts');

  return { mask: result.mask, measurement, flags };
}
