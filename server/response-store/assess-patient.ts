/**
 * assessPatient: the response of one tracked patient under one criteria, built from the
 * lesion tracks, the SEG organs, the stored PET signals and the reader's overrides.
 * Timepoints before the baseline are left out: the criteria start at the baseline.
 */
import { and, eq, inArray } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { patients, series, studies, volumes } from '@/db/schema';
import { AppError } from '@/server/lib/errors';
import { loadLesionTable, type LesionTable } from '@/server/lesions';
import type { Criteria } from '@/server/response/categories';
import type { ResponseInput } from '@/server/response/schema/input';
import type { ResponseOutput } from '@/server/response/schema/output';

import { notEvaluableOutput, runEngine, withSkipped } from './engine-run';
import { buildRows, type ResponseRows } from './lesion-rows';
import { readMaskOrgans } from './organ-regions';
import { loadOverrides } from './overrides';
import { percistInput } from './percist-input';
import { readPetSignals } from './pet-signals';
import { recistInput } from './recist-input';

export interface PatientResponse extends ResponseRows {
  patientId: string;
  criteria: Criteria;
  /** What the engine was given; null when it could not run. */
  input: ResponseInput | null;
  result: ResponseOutput;
  /** Why the whole assessment is NE, when it is. */
  notEvaluable: string | null;
}

export async function assessPatient(
  db: Db,
  dataDir: string,
  patientId: string,
  criteria: Criteria,
): Promise<PatientResponse> {
  const rows = await loadResponseRows(db, dataDir, patientId);
  const dates = rows.timepoints.map((t) => t.date);
  if (criteria !== 'percist1.0') {
    const input = recistInput(rows, criteria);
    const { output, reason } = runEngine(input, dates);

    return {
      ...rows,
      patientId,
      criteria,
      input: reason ? null : input,
      result: output,
      notEvaluable: reason,
    };
  }

  const build = percistInput(rows, await readPetSignals(db, await patientRowId(db, patientId)));
  if (build.reason || !build.input) {
    const reason = build.reason ?? 'no PET input';

    return {
      ...rows,
      patientId,
      criteria,
      input: null,
      notEvaluable: reason,
      result: notEvaluableOutput(criteria, dates, reason),
    };
  }
  const { output, reason } = runEngine(build.input, dates);
  const result = reason ? output : withSkipped(output, build, dates);

  return {
    ...rows,
    patientId,
    criteria,
    input: reason ? null : build.input,
    result,
    notEvaluable: reason,
  };
}

export async function loadResponseRows(
  db: Db,
  dataDir: string,
  patientId: string,
): Promise<ResponseRows> {
  const table = await loadLesionTable(db, patientId);
  const start = table.timepoints.findIndex((t) => t.registration.status === 'baseline');
  if (start < 0 || table.lesions.length === 0) {
    throw new AppError('CONFLICT', `Patient ${patientId} has no tracked lesions.`, {
      userMessage:
        `Patient ${patientId} has no tracked lesions yet: run ` +
        `\`hallmark track ${patientId}\` or start tracking on the lesions page.`,
    });
  }
  const tracks = tracksFrom(table, start);
  const masks = tracks.flatMap((t) => t.observations.flatMap((o) => o.segmentMaskId ?? []));
  const [organs, overrides] = await Promise.all([
    readMaskOrgans(db, dataDir, masks),
    loadOverrides(db, await patientRowId(db, patientId)),
  ]);
  const kept = table.timepoints.slice(start);
  const spacing = await ctSliceSpacing(
    db,
    kept.map((t) => t.id),
  );
  const timepoints = kept.map((t) => ({
    id: t.id,
    date: t.studyDate,
    sliceThicknessMm: spacing.get(t.id) ?? null,
  }));

  return buildRows({ timepoints, tracks, organs, overrides });
}

/** Observations from the baseline on, each naming its timepoint by id. */
function tracksFrom(table: LesionTable, start: number) {
  return table.lesions
    .map((track) => ({
      ...track,
      maskIds: track.observations.flatMap((o) => o.segmentMaskId ?? []),
      observations: track.observations
        .filter((o) => o.timepoint >= start)
        .map((o) => ({ ...o, timepointId: table.timepoints[o.timepoint]!.id })),
    }))
    .filter((t) => t.observations.length > 0);
}

/**
 * The slice spacing of each timepoint's CT (the coarsest when there are several).
 * Spacing stands in for thickness: contiguous reconstructions have them equal, and the
 * assembled volume keeps spacing, not the SliceThickness tag.
 */
async function ctSliceSpacing(db: Db, timepointIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (timepointIds.length === 0) return out;
  const rows = await db
    .select({ timepointId: studies.timepointId, spacing: volumes.spacingMm })
    .from(volumes)
    .innerJoin(series, eq(series.id, volumes.seriesId))
    .innerJoin(studies, eq(studies.id, series.studyId))
    .where(and(inArray(studies.timepointId, timepointIds), eq(series.seriesType, 'CT')));
  for (const row of rows) {
    if (!row.timepointId) continue;
    out.set(row.timepointId, Math.max(out.get(row.timepointId) ?? 0, row.spacing[2]));
  }

  return out;
}

async function patientRowId(db: Db, patientId: string): Promise<string> {
  const [row] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(eq(patients.patientId, patientId));
  if (!row) throw new AppError('NOT_FOUND', `No patient with id ${patientId}.`);

  return row.id;
}
