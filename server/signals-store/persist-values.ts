/** Writing one timepoint's lesion signals: the automatic values are replaced wholesale. */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { signalValues } from '@/db/schema';
import {
  SIGNAL_CATALOGUE, signalDefinition, SIGNALS_ENGINE_VERSION, type LesionSignals,
  type SignalDefinition,
} from '@/server/signals';

import type { LesionMask } from './load-inputs';

type NewValue = typeof signalValues.$inferInsert;

export interface MaskSignals {
  key: LesionMask['key'];
  /** Stated in each measured value's settings, so a value tells what it was measured in. */
  maskSource: LesionMask['source'];
  signals: LesionSignals;
  /** Source kinds the timepoint had, e.g. 'CT', 'PT:FDG', 'MR_ADC'. */
  sources: Set<string>;
}

export function sourceKey(source: SignalDefinition['source']): string {
  return source.type === 'PT' ? `PT:${source.tracer}` : source.type;
}

// The engine leaves out FDG texture entirely when the mask misses every PET voxel.
const NOT_MEASURED = 'not measured: the lesion mask has no voxel on this image grid';

/**
 * Per-lesion signals the timepoint's series allow that the engine neither measured nor
 * skipped get a skipped row, so every lesion has the same rows and absence has a reason.
 */
function unreported(mask: MaskSignals): LesionSignals['skipped'] {
  const reported = new Set([...mask.signals.values, ...mask.signals.skipped]
    .map((s) => s.signalId));

  return SIGNAL_CATALOGUE
    .filter((d) => d.hallmark !== 'PET reference' && mask.sources.has(sourceKey(d.source)))
    .filter((d) => !reported.has(d.id))
    .map((d) => ({ signalId: d.id, reason: NOT_MEASURED }));
}

/** Measured values win over a skip of the same signal (one engine may refuse, another not). */
export function valueRows(
  patientRowId: string, timepointId: string, mask: MaskSignals,
): NewValue[] {
  const base = { patientId: patientRowId, timepointId, ...mask.key };
  const measured = mask.signals.values.map((v) => ({
    ...base, signalId: v.signalId, value: v.value, unit: v.unit, sourceSeriesId: v.sourceSeries,
    voxelCount: v.voxelCount, engineVersion: v.provenance.engineVersion,
    method: v.provenance.method,
    settings: { ...v.provenance.settings, maskSource: mask.maskSource },
  }));
  const done = new Set(measured.map((m) => m.signalId));
  const skips = [...mask.signals.skipped, ...unreported(mask)];
  const skipped = skips.filter((s) => !done.has(s.signalId)).map((s) => ({
    ...base, signalId: s.signalId, value: null, unit: signalDefinition(s.signalId).unit,
    skippedReason: s.reason || 'the engine gave no value for this lesion',
    engineVersion: SIGNALS_ENGINE_VERSION, settings: { maskSource: mask.maskSource },
  }));
  const seen = new Set<string>();

  return [...measured, ...skipped].filter((row) => {
    if (seen.has(row.signalId)) return false;
    seen.add(row.signalId);

    return true;
  });
}

export async function replaceTimepointValues(
  db: Db, patientRowId: string, timepointId: string, masks: MaskSignals[],
): Promise<number> {
  const rows = masks.flatMap((m) => valueRows(patientRowId, timepointId, m));
  await db.transaction(async (tx) => {
    await tx.delete(signalValues).where(eq(signalValues.timepointId, timepointId));
    // Chunked so a timepoint with many lesions stays under the bind-parameter limit.
    for (let n = 0; n < rows.length; n += 500) {
      await tx.insert(signalValues).values(rows.slice(n, n + 500));
    }
  });

  return rows.length;
}
