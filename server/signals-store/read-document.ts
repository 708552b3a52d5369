/**
 * Everything the signals dashboard, the CLI and the CSV export show for one patient,
 * read from what computePatientSignals stored; nothing is computed from pixels here.
 */
import { asc, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { petReferences, signalRuns, therapyEvents, timepoints } from '@/db/schema';
import { SIGNALS_ENGINE_VERSION } from '@/server/signals';

import { lesionGrowth, newLesionsPerTimepoint } from './growth';
import { findPatient } from './load-inputs';
import { identify, readTrackPresence } from './read-lesions';
import { readValueRows, type ValueRow } from './read-values';
import { effectiveSettings, readSignalSettings, sameSettings } from './settings';

export interface SignalPoint extends Omit<ValueRow, 'segmentLabel' | 'segmentNumber'> {
  lesionKey: string;
}

export async function readPatientSignals(db: Db, patientId: string) {
  const patient = await findPatient(db, patientId);
  const [points, therapy, rows, presence, references, run] = await Promise.all([
    db.select({ id: timepoints.id, date: timepoints.date, isBaseline: timepoints.isBaseline })
      .from(timepoints).where(eq(timepoints.patientId, patient.id)).orderBy(asc(timepoints.date)),
    db.select({ id: therapyEvents.id, agent: therapyEvents.agent, line: therapyEvents.line,
      startDate: therapyEvents.startDate, endDate: therapyEvents.endDate })
      .from(therapyEvents).where(eq(therapyEvents.patientId, patient.id))
      .orderBy(asc(therapyEvents.startDate)),
    readValueRows(db, patient.id),
    readTrackPresence(db, patient.id),
    db.select().from(petReferences).where(eq(petReferences.patientId, patient.id)),
    db.select().from(signalRuns).where(eq(signalRuns.patientId, patient.id)),
  ]);
  const lesions = new Map<string, { key: string; label: string; tracked: boolean }>();
  const values: SignalPoint[] = rows.map(({ segmentLabel, segmentNumber: _n, ...row }) => {
    const who = identify(presence, { ...row, label: segmentLabel });
    lesions.set(who.key, who);

    return { ...row, lesionKey: who.key };
  });
  const lesionList = [...lesions.values()];

  return {
    patientId,
    run: await runStatus(db, run[0]),
    tracked: presence.length > 0,
    timepoints: points,
    therapy,
    lesions: lesionList,
    values,
    references: references.map((r) => ({ ...r, date: points.find((p) => p.id === r.timepointId)
      ?.date ?? null })),
    growth: lesionGrowth(lesionList, values, presence),
    newLesions: presence.length > 0 ? newLesionsPerTimepoint(points, presence) : null,
  };
}

export type SignalsDocument = Awaited<ReturnType<typeof readPatientSignals>>;

/**
 * Stale after an engine or settings change. A mask ingested after the last run simply has
 * no values until the next computation; comparing mask counts would flag that too.
 */
async function runStatus(db: Db, run: typeof signalRuns.$inferSelect | undefined) {
  if (!run) return null;
  const current = effectiveSettings(await readSignalSettings(db));
  const staleReason = run.engineVersion !== SIGNALS_ENGINE_VERSION
    ? `computed by ${run.engineVersion}; this install runs ${SIGNALS_ENGINE_VERSION}`
    : !sameSettings(run.settings, current) ? 'the signal settings changed since' : null;

  return { computedAt: run.computedAt, engineVersion: run.engineVersion, maskCount: run.maskCount,
    durationMs: run.durationMs, stale: staleReason !== null, staleReason };
}
