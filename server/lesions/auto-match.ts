/**
 * Automatic correspondence: every measured lesion's centroid is carried into the
 * baseline frame through its timepoint's alignment, its mask onto the matching grid,
 * and matchLesions links them over all timepoints at once.
 */
import type { ImageGeometry, Vec3 } from '@/server/imaging/image';
import {
  inverseTransformPoint, matchLesions, type MatchResult, type TimepointLesions,
} from '@/server/tracking';
import { affine } from '@/server/tracking/affine';

import type { Alignment } from './align';
import type { DraftTrack } from './draft';
import { maskOnGrid } from './matching-grid';
import type { MeasuredLesion } from './measure-masks';

export function baselineCentroid(lesion: MeasuredLesion, alignment: Alignment): Vec3 {
  return inverseTransformPoint(affine(alignment.matrix), lesion.centroidMm);
}

export function autoMatch(
  measured: MeasuredLesion[][],
  alignments: Alignment[],
  grid: ImageGeometry | null,
): DraftTrack[] {
  const input: TimepointLesions[] = measured.map((lesions, t) => ({
    lesions: lesions.map((lesion) => {
      const alignment = alignments[t]!;
      const centroidMm = baselineCentroid(lesion, alignment);
      const mask = grid ? maskOnGrid(lesion.mask, grid, alignment.matrix) : undefined;

      return {
        lesionId: lesion.lesionId, centroidMm, volumeMl: lesion.volumeMl,
        voxelVolumeMl: lesion.voxelVolumeMl, mask,
      };
    }),
  }));

  return toDrafts(matchLesions(input), alignments);
}

function toDrafts(result: MatchResult, alignments: Alignment[]): DraftTrack[] {
  const flagsOf = new Map<string, string[]>();
  for (const f of result.reviewFlags) {
    const key = `${f.trackId}/${f.lesionId}`;
    flagsOf.set(key, [...(flagsOf.get(key) ?? []), f.reason]);
  }

  return result.tracks.map((track) => ({
    events: track.events.map((e) => ({ kind: e.kind, timepointIndex: e.timepointIndex })),
    observations: track.observations.map((o) => {
      const flags = flagsOf.get(`${track.trackId}/${o.lesionId}`) ?? [];
      const unregistered = alignments[o.timepointIndex]?.status === 'failed';

      return {
        timepointIndex: o.timepointIndex,
        lesionId: o.lesionId,
        confidence: o.confidence,
        flags: unregistered ? [...flags, 'unregistered'] : flags,
      };
    }),
  }));
}
