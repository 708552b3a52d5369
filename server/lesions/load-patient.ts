/**
 * What tracking needs of one patient from the database: its timepoints in date order,
 * the baseline among them, and per timepoint the CT to register and the lesions: SEG
 * masks and a reader's PET threshold outlines.
 */
import { asc, eq, inArray } from 'drizzle-orm';

import type { Db } from '@/db/client';
import {
  lesionOutlines, patients, segmentMasks, series, seriesRegistrations, studies, timepoints,
  volumes,
} from '@/db/schema';
import { AppError } from '@/server/lib/errors';
import type { Mat3x4 } from '@/server/tracking';

export type VolumeRow = typeof volumes.$inferSelect;
export type MaskRow = typeof segmentMasks.$inferSelect;
export type OutlineRow = typeof lesionOutlines.$inferSelect;
export type SeriesRecord = typeof series.$inferSelect;

/** A reader's outline with the PET grid it lies on. */
export interface OutlineInput {
  outline: OutlineRow;
  grid: VolumeRow;
  /** The PET's frame of reference; the CT's transform holds only if the two agree. */
  frameOfReferenceUid: string | null;
}

export interface TimepointInputs {
  id: string;
  index: number;
  date: string;
  isBaseline: boolean;
  /** The CT volume registered for this timepoint; null when the timepoint has none. */
  ct: VolumeRow | null;
  frameOfReferenceUid: string | null;
  /** Every series of the timepoint with a volume, the CT included (series registration). */
  imaged: { series: SeriesRecord; volume: VolumeRow }[];
  /** Each mask with the volume whose grid it lies on. */
  masks: { mask: MaskRow; grid: VolumeRow }[];
  /** Outlines drawn on this timepoint's PETs, oldest first. */
  outlines: OutlineInput[];
}

export interface PatientInputs {
  patientRowId: string;
  patientId: string;
  timepoints: TimepointInputs[];
  baselineIndex: number;
}

export async function loadPatientInputs(db: Db, patientId: string): Promise<PatientInputs> {
  const [patient] = await db.select().from(patients).where(eq(patients.patientId, patientId));
  if (!patient) {
    throw new AppError('NOT_FOUND', `No patient with id ${patientId}.`, {
      userMessage: `No patient ${patientId}: check the id with \`hallmark patients\`.`,
    });
  }
  const points = await db.select().from(timepoints)
    .where(eq(timepoints.patientId, patient.id)).orderBy(asc(timepoints.date));
  const rows = await loadSeriesRows(db, points.map((p) => p.id));
  const masks = await loadMasks(db, rows.map((r) => r.series.id));
  const outlines = await loadOutlines(db, patient.id, rows);
  const list = points.map((p, index) => ({
    ...timepointInputs(p, index, rows, masks),
    outlines: outlines.filter((o) => o.outline.timepointId === p.id),
  }));
  const marked = list.findIndex((t) => t.isBaseline);

  return {
    patientRowId: patient.id,
    patientId,
    timepoints: list,
    baselineIndex: marked >= 0 ? marked : 0,
  };
}

/** Series id ↦ (CT point ↦ series point), for the series registered to their CT. */
export type SeriesToCt = Map<string, Mat3x4>;

/** The stored series registrations that succeeded, per timepoint id. */
export async function loadSeriesToCt(
  db: Db, patientRowId: string,
): Promise<Map<string, SeriesToCt>> {
  const rows = await db.select().from(seriesRegistrations)
    .where(eq(seriesRegistrations.patientId, patientRowId));
  const out = new Map<string, SeriesToCt>();
  for (const row of rows.filter((r) => r.status === 'ok')) {
    const perTimepoint: SeriesToCt = out.get(row.timepointId) ?? new Map();
    out.set(row.timepointId, perTimepoint.set(row.seriesId, row.matrix));
  }

  return out;
}

type SeriesRow = Awaited<ReturnType<typeof loadSeriesRows>>[number];

function loadSeriesRows(db: Db, timepointIds: string[]) {
  if (timepointIds.length === 0) return Promise.resolve([]);

  return db
    .select({ timepointId: studies.timepointId, series, volume: volumes })
    .from(series)
    .innerJoin(studies, eq(studies.id, series.studyId))
    .leftJoin(volumes, eq(volumes.seriesId, series.id))
    .where(inArray(studies.timepointId, timepointIds));
}

function loadMasks(db: Db, seriesIds: string[]): Promise<MaskRow[]> {
  if (seriesIds.length === 0) return Promise.resolve([]);

  return db.select().from(segmentMasks)
    .where(inArray(segmentMasks.imageSeriesId, seriesIds))
    .orderBy(asc(segmentMasks.segmentNumber));
}

async function loadOutlines(db: Db, patientRowId: string, rows: SeriesRow[]) {
  const outlines = await db.select().from(lesionOutlines)
    .where(eq(lesionOutlines.patientId, patientRowId)).orderBy(asc(lesionOutlines.createdAt));

  return outlines.flatMap((outline): OutlineInput[] => {
    const row = rows.find((r) => r.series.id === outline.imageSeriesId);

    return row?.volume ? [{
      outline, grid: row.volume, frameOfReferenceUid: row.series.frameOfReferenceUid,
    }] : [];
  });
}

function timepointInputs(
  point: typeof timepoints.$inferSelect,
  index: number,
  rows: SeriesRow[],
  masks: MaskRow[],
): Omit<TimepointInputs, 'outlines'> {
  const own = rows.filter((r) => r.timepointId === point.id);
  const gridOf = new Map(own.flatMap((r) => (r.volume ? [[r.series.id, r.volume]] : [])));
  const ownMasks = masks.flatMap((mask) => {
    const grid = gridOf.get(mask.imageSeriesId);

    return grid ? [{ mask, grid }] : [];
  });
  const ct = chooseCt(own, ownMasks);

  return {
    id: point.id, index, date: point.date, isBaseline: point.isBaseline,
    ct: ct?.volume ?? null,
    frameOfReferenceUid: ct?.series.frameOfReferenceUid ?? null,
    imaged: own.flatMap((r) => (r.volume ? [{ series: r.series, volume: r.volume }] : [])),
    masks: ownMasks,
  };
}

/**
 * The CT the lesions were drawn on, else the CT with the most slices, passing over an
 * unenhanced CT when the timepoint has another (lesions are drawn on the enhanced one).
 */
function chooseCt(own: SeriesRow[], masks: { mask: MaskRow }[]): SeriesRow | undefined {
  const cts = own.filter((r) => r.series.modality === 'CT' && r.volume);
  const drawnOn = new Set(masks.map((m) => m.mask.imageSeriesId));
  const notUnenhanced = cts.filter((r) => r.series.contrastPhase !== 'unenhanced');

  return cts.find((r) => drawnOn.has(r.series.id)) ??
    [...(notUnenhanced.length > 0 ? notUnenhanced : cts)]
      .sort((a, b) => b.series.instanceCount - a.series.instanceCount)[0];
}
