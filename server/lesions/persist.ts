/**
 * Storing one tracking run: the registrations and the tracks with their observations
 * replace the patient's previous automatic results in one transaction. Decisions and
 * outlines live in their own tables and are not replaced; an outline only gets the
 * segment it duplicates, if any. Propagated masks are written as files first (see
 * propagated-files.ts), then recorded with their observations; an outline's observation
 * gets a mask row pointing at the outline's own file, so every observation with a mask of
 * its own reads it from propagated_masks alike.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionObservations, lesionOutlines, lesionTracks, propagatedMasks, registrations,
} from '@/db/schema';
import type { Vec3 } from '@/server/imaging/image';
import { inverseTransformPoint } from '@/server/tracking';
import { affine } from '@/server/tracking/affine';

import type { Alignment } from './align';
import { baselineCentroid } from './auto-match';
import type { DraftTrack, PropagatedObservation } from './draft';
import type { PatientInputs } from './load-patient';
import type { MeasuredLesion } from './measure-masks';
import { storePropagated, type StoredPropagation } from './propagated-files';
import { trackStatus } from './track-status';

export interface TrackingRun {
  inputs: PatientInputs;
  alignments: Alignment[];
  measured: MeasuredLesion[][];
  tracks: DraftTrack[];
  /** Outlines set aside as duplicates of a segment: outline id ↦ segment mask id. */
  duplicates?: Map<string, string>;
}

type ObservationRow = typeof lesionObservations.$inferInsert;

export async function persistRun(db: Db, dataDir: string, run: TrackingRun): Promise<void> {
  const patientId = run.inputs.patientRowId;
  const files = await storeFiles(dataDir, run);
  await db.transaction(async (tx) => {
    await tx.delete(registrations).where(eq(registrations.patientId, patientId));
    await tx.delete(lesionTracks).where(eq(lesionTracks.patientId, patientId));
    const regs = registrationRows(run);
    if (regs.length) await tx.insert(registrations).values(regs);
    await tx.update(lesionOutlines).set({ duplicateOfSegmentMaskId: null })
      .where(eq(lesionOutlines.patientId, patientId));
    for (const [outlineId, segmentMaskId] of run.duplicates ?? []) {
      await tx.update(lesionOutlines).set({ duplicateOfSegmentMaskId: segmentMaskId })
        .where(eq(lesionOutlines.id, outlineId));
    }
    for (const [n, track] of orderTracks(run.tracks).entries()) {
      const { timepoints, baselineIndex } = run.inputs;
      const [row] = await tx.insert(lesionTracks).values({
        patientId, label: `L${n + 1}`, events: track.events,
        status: trackStatus(track, timepoints.length, baselineIndex),
      }).returning({ id: lesionTracks.id });
      const observations = observationRows(run, track, row!.id);
      if (observations.length === 0) continue;
      const stored = await tx.insert(lesionObservations).values(observations)
        .returning({ id: lesionObservations.id, timepointId: lesionObservations.timepointId,
          outlineId: lesionObservations.outlineId });
      const masks = [...maskRows(run, track, stored, files), ...outlineMaskRows(run, stored)];
      if (masks.length) await tx.insert(propagatedMasks).values(masks);
    }
  });
}

async function storeFiles(dataDir: string, run: TrackingRun) {
  const files = new Map<PropagatedObservation, StoredPropagation>();
  for (const p of run.tracks.flatMap((t) => t.propagated ?? [])) {
    const ct = run.inputs.timepoints[p.timepointIndex]!.ct!;
    files.set(p, await storePropagated(dataDir, p, ct));
  }

  return files;
}

function maskRows(
  run: TrackingRun,
  track: DraftTrack,
  stored: { id: string; timepointId: string }[],
  files: Map<PropagatedObservation, StoredPropagation>,
) {
  return (track.propagated ?? []).flatMap((p) => {
    const timepointId = run.inputs.timepoints[p.timepointIndex]!.id;
    const observation = stored.find((s) => s.timepointId === timepointId);
    const file = files.get(p);

    return observation && file ? [{
      observationId: observation.id, imageSeriesId: p.imageSeriesId,
      fromSegmentMaskId: p.fromSegmentMaskId, ...file,
    }] : [];
  });
}

/** The mask row of each stored observation made from an outline, on the PET grid. */
function outlineMaskRows(
  run: TrackingRun, stored: { id: string; timepointId: string; outlineId: string | null }[],
) {
  return stored.flatMap((s) => {
    const o = s.outlineId ? run.inputs.timepoints.flatMap((t) => t.outlines)
      .find((input) => input.outline.id === s.outlineId)?.outline : undefined;

    return o ? [{
      observationId: s.id, imageSeriesId: o.imageSeriesId, voxelCount: o.voxelCount,
      bbox: o.bbox, storedPath: o.storedPath,
    }] : [];
  });
}

function registrationRows(run: TrackingRun) {
  const baseline = run.inputs.timepoints[run.inputs.baselineIndex]!;

  return run.alignments.flatMap((a) => a.method === 'baseline' ? [] : [{
    patientId: run.inputs.patientRowId, timepointId: a.timepointId,
    baselineTimepointId: baseline.id, status: a.status === 'ok' ? 'ok' as const : 'failed' as const,
    method: a.method, reason: a.reason, matrix: a.matrix, quality: a.quality,
  }]);
}

/** Labels follow first appearance, then the larger lesion first. */
function orderTracks(tracks: DraftTrack[]): DraftTrack[] {
  const first = (t: DraftTrack) => t.observations[0]?.timepointIndex ?? 0;

  return [...tracks].sort((a, b) => first(a) - first(b));
}

function observationRows(run: TrackingRun, track: DraftTrack, trackId: string): ObservationRow[] {
  const start = track.observations[0]?.timepointIndex ?? 0;
  const rows: ObservationRow[] = [];
  for (let t = start; t < run.inputs.timepoints.length; t++) {
    const timepointId = run.inputs.timepoints[t]!.id;
    const found = track.observations.find((o) => o.timepointIndex === t);
    const lesion = found && run.measured[t]?.find((l) => l.lesionId === found.lesionId);
    const carried = track.propagated?.find((p) => p.timepointIndex === t);
    if (!found || !lesion) {
      rows.push(carried ? propagatedRow(run, carried, trackId, timepointId)
        : { trackId, timepointId, present: false, source: 'segmentation' });
      continue;
    }
    rows.push({
      trackId, timepointId, segmentMaskId: lesion.segmentMaskId,
      outlineId: lesion.outline?.id ?? null, present: true,
      source: lesion.outline ? 'threshold' : 'segmentation', volumeMl: lesion.volumeMl,
      longestDiameterMm: lesion.longestDiameterMm, shortAxisMm: lesion.shortAxisMm,
      centroidMm: lesion.centroidMm,
      centroidBaselineMm: baselineCentroid(lesion, run.alignments[t]!),
      confidence: found.confidence,
      reviewFlags: [...found.flags, ...lesionFlags(lesion)],
    });
  }

  return rows;
}

function lesionFlags(lesion: MeasuredLesion): string[] {
  const flags = lesion.componentCount > 1 ? ['several-parts'] : [];
  if (lesion.outline?.reachedBound) flags.push('cut-at-growth-bound');
  // Its centroid was carried by the CT's transform, which holds in the CT's frame only.
  if (lesion.outline?.otherFrame) flags.push('other-frame-of-reference');

  return flags;
}

function propagatedRow(
  run: TrackingRun, p: PropagatedObservation, trackId: string, timepointId: string,
): ObservationRow {
  const m = p.measurement;
  const centroidMm: Vec3 = m.centroidMm;
  const matrix = run.alignments[p.timepointIndex]!.matrix;

  return {
    trackId, timepointId, present: true, source: 'propagated', volumeMl: m.volumeMl,
    longestDiameterMm: m.longestAxialDiameterMm, shortAxisMm: m.shortAxisMm, centroidMm,
    centroidBaselineMm: inverseTransformPoint(affine(matrix), centroidMm),
    // A propagated mask is a proposal, never a link the matcher weighed.
    confidence: null, reviewFlags: p.flags,
  };
}
