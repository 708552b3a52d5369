/** Reading a patient's stored tracking results back: for the lesion table and the CLI. */
import { asc, eq, inArray } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionObservations, lesionTracks, patients, registrations, series, seriesRegistrations,
  timepoints,
  type ObservationSource, type TrackEventRecord, type TrackStatus,
} from '@/db/schema';
import type { Vec3 } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';
import type { Mat3x4, RegistrationQuality } from '@/server/tracking';

export interface RegistrationSummary {
  /** 'not-run' until the patient is tracked; 'failed' means the fallback was used. */
  status: 'baseline' | 'ok' | 'failed' | 'not-run';
  method: string | null;
  reason: string | null;
  /** Baseline LPS point ↦ this timepoint's LPS point, row-major 3x4. */
  matrix: Mat3x4 | null;
  /** How well it aligned and what ran (engine, iterations, time); null for the baseline. */
  quality: RegistrationQuality | null;
  /** The timepoint's series in another frame than its CT, each registered to that CT. */
  series: SeriesRegistrationSummary[];
}

export interface SeriesRegistrationSummary {
  seriesId: string;
  modality: string;
  description: string | null;
  /** 'failed' means the identity was used and values read on the series are flagged. */
  status: 'ok' | 'failed';
  method: string;
  reason: string | null;
  /** The timepoint's CT LPS point ↦ this series' LPS point, row-major 3x4. */
  matrix: Mat3x4;
  quality: RegistrationQuality | null;
}

export interface ObservationView {
  id: string;
  timepoint: number;
  studyDate: string;
  segmentMaskId: string | null;
  present: boolean;
  source: ObservationSource;
  volumeMl: number | null;
  longestDiameterMm: number | null;
  shortAxisMm: number | null;
  centroidMm: Vec3 | null;
  centroidBaselineMm: Vec3 | null;
  confidence: number | null;
  reviewFlags: string[];
}

export interface TrackView {
  id: string;
  label: string;
  status: TrackStatus;
  events: TrackEventRecord[];
  observations: ObservationView[];
}

export interface LesionTable {
  patientId: string;
  timepoints: { id: string; index: number; studyDate: string; registration: RegistrationSummary }[];
  lesions: TrackView[];
}

export async function loadLesionTable(db: Db, patientId: string): Promise<LesionTable> {
  const [patient] = await db.select().from(patients).where(eq(patients.patientId, patientId));
  if (!patient) throw new AppError('NOT_FOUND', `No patient with id ${patientId}.`);
  const [points, regs, tracks, seriesRegs] = await Promise.all([
    db.select().from(timepoints).where(eq(timepoints.patientId, patient.id))
      .orderBy(asc(timepoints.date)),
    db.select().from(registrations).where(eq(registrations.patientId, patient.id)),
    db.select().from(lesionTracks).where(eq(lesionTracks.patientId, patient.id)),
    loadSeriesRegistrations(db, patient.id),
  ]);
  const observations = tracks.length === 0 ? [] : await db.select().from(lesionObservations)
    .where(inArray(lesionObservations.trackId, tracks.map((t) => t.id)));
  const indexOf = new Map(points.map((p, index) => [p.id, index]));
  const tracked = tracks.length > 0 || regs.length > 0;

  return {
    patientId,
    timepoints: points.map((p, index) => ({
      id: p.id, index, studyDate: p.date,
      registration: {
        ...registrationSummary(regs.find((r) => r.timepointId === p.id), tracked),
        series: seriesRegs.filter((r) => r.timepointId === p.id)
          .map(({ timepointId: _, ...r }) => r),
      },
    })),
    lesions: tracks
      .map((t) => trackView(t, observations.filter((o) => o.trackId === t.id), indexOf, points))
      .sort((a, b) => labelNumber(a.label) - labelNumber(b.label)),
  };
}

function labelNumber(label: string): number {
  return Number(label.replace(/\D/g, '')) || 0;
}

function loadSeriesRegistrations(db: Db, patientRowId: string) {
  return db
    .select({
      timepointId: seriesRegistrations.timepointId, seriesId: seriesRegistrations.seriesId,
      modality: series.modality, description: series.description,
      status: seriesRegistrations.status, method: seriesRegistrations.method,
      reason: seriesRegistrations.reason, matrix: seriesRegistrations.matrix,
      quality: seriesRegistrations.quality,
    })
    .from(seriesRegistrations)
    .innerJoin(series, eq(series.id, seriesRegistrations.seriesId))
    .where(eq(seriesRegistrations.patientId, patientRowId))
    .orderBy(asc(series.seriesNumber));
}

function registrationSummary(
  row: typeof registrations.$inferSelect | undefined,
  tracked: boolean,
): Omit<RegistrationSummary, 'series'> {
  if (!row) {
    // A tracked patient's timepoint without a registration row is its baseline.
    return { status: tracked ? 'baseline' : 'not-run', method: null, reason: null, matrix: null,
      quality: null };
  }

  return { status: row.status, method: row.method, reason: row.reason, matrix: row.matrix,
    quality: row.quality };
}

function trackView(
  track: typeof lesionTracks.$inferSelect,
  rows: (typeof lesionObservations.$inferSelect)[],
  indexOf: Map<string, number>,
  points: { date: string }[],
): TrackView {
  const observations = rows.map((o): ObservationView => {
    const timepoint = indexOf.get(o.timepointId) ?? -1;

    return {
      id: o.id, timepoint, studyDate: points[timepoint]?.date ?? '',
      segmentMaskId: o.segmentMaskId, present: o.present, source: o.source,
      volumeMl: o.volumeMl, longestDiameterMm: o.longestDiameterMm, shortAxisMm: o.shortAxisMm,
      centroidMm: o.centroidMm, centroidBaselineMm: o.centroidBaselineMm,
      confidence: o.confidence, reviewFlags: o.reviewFlags,
    };
  });
  observations.sort((a, b) => a.timepoint - b.timepoint);

  return { id: track.id, label: track.label, status: track.status, events: track.events,
    observations };
}
