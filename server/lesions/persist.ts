/**
 * Storing one tracking run: the registrations and the tracks with their observations
 * replace the patient's previous automatic results in one transaction. Decisions live
 * in their own table and are not touched.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { lesionObservations, lesionTracks, registrations, type TrackStatus } from '@/db/schema';

import type { Alignment } from './align';
import { baselineCentroid } from './auto-match';
import type { DraftTrack } from './draft';
import type { PatientInputs } from './load-patient';
import type { MeasuredLesion } from './measure-masks';

export interface TrackingRun {
  inputs: PatientInputs;
  alignments: Alignment[];
  measured: MeasuredLesion[][];
  tracks: DraftTrack[];
}

type ObservationRow = typeof lesionObservations.$inferInsert;

export async function persistRun(db: Db, run: TrackingRun): Promise<void> {
  const patientId = run.inputs.patientRowId;
  await db.transaction(async (tx) => {
    await tx.delete(registrations).where(eq(registrations.patientId, patientId));
    await tx.delete(lesionTracks).where(eq(lesionTracks.patientId, patientId));
    const regs = registrationRows(run);
    if (regs.length) await tx.insert(registrations).values(regs);
    for (const [n, track] of orderTracks(run.tracks).entries()) {
      const [row] = await tx.insert(lesionTracks).values({
        patientId, label: `L${n + 1}`, status: trackStatus(run, track), events: track.events,
      }).returning({ id: lesionTracks.id });
      const observations = observationRows(run, track, row!.id);
      if (observations.length) await tx.insert(lesionObservations).values(observations);
    }
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

function trackStatus(run: TrackingRun, track: DraftTrack): TrackStatus {
  const lastIndex = run.inputs.timepoints.length - 1;
  const seen = track.observations.map((o) => o.timepointIndex);
  if (track.events.some((e) => e.kind === 'merged') && Math.max(...seen) < lastIndex) {
    return 'merged';
  }
  if (Math.max(...seen) < lastIndex) return 'vanished';

  return Math.min(...seen) > run.inputs.baselineIndex ? 'new' : 'active';
}

function observationRows(run: TrackingRun, track: DraftTrack, trackId: string): ObservationRow[] {
  const start = track.observations[0]?.timepointIndex ?? 0;
  const rows: ObservationRow[] = [];
  for (let t = start; t < run.inputs.timepoints.length; t++) {
    const timepointId = run.inputs.timepoints[t]!.id;
    const found = track.observations.find((o) => o.timepointIndex === t);
    const lesion = found && run.measured[t]?.find((l) => l.segmentMaskId === found.segmentMaskId);
    if (!found || !lesion) {
      rows.push({ trackId, timepointId, present: false, source: 'segmentation' });
      continue;
    }
    rows.push({
      trackId, timepointId, segmentMaskId: lesion.segmentMaskId, present: true,
      source: 'segmentation', volumeMl: lesion.volumeMl,
      longestDiameterMm: lesion.longestDiameterMm, shortAxisMm: lesion.shortAxisMm,
      centroidMm: lesion.centroidMm,
      centroidBaselineMm: baselineCentroid(lesion, run.alignments[t]!),
      confidence: found.confidence, reviewFlags: found.flags,
    });
  }

  return rows;
}
