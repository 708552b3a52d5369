/**
 * The CSV export: one row per lesion, timepoint and signal, skipped signals included.
 * mask_source says what the value was measured under: a SEG segment ('segmentation'), a
 * mask carried from an earlier scan ('propagated') or a reader's PET outline ('threshold').
 */
import type { Db } from '@/db/client';
import { SIGNAL_CATALOGUE } from '@/server/signals';

import { readPatientSignals } from './read-document';

export const SIGNALS_CSV_HEADER = [
  'patient', 'lesion', 'timepoint_date', 'signal_id', 'hallmark', 'value', 'unit',
  'source_series_uid', 'engine_version', 'skipped_reason', 'mask_source',
];

/** RFC 4180 quoting: only fields holding a comma, quote or line break are quoted. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);

  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function signalsCsv(db: Db, patientId: string): Promise<string> {
  const doc = await readPatientSignals(db, patientId);
  const label = new Map(doc.lesions.map((l) => [l.key, l.label]));
  const lines = doc.values.map((v) => [
    doc.patientId, label.get(v.lesionKey) ?? v.segmentMaskId, v.date, v.signalId,
    hallmarkOf(v.signalId), v.value, v.unit, v.sourceSeriesUid, v.engineVersion, v.skippedReason,
    v.madeBy ?? 'segmentation',
  ].map(csvField).join(','));

  return [SIGNALS_CSV_HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}

/** Empty for a value stored by an older engine whose catalogue had a signal this one lacks. */
function hallmarkOf(signalId: string): string {
  return SIGNAL_CATALOGUE.find((s) => s.id === signalId)?.hallmark ?? '';
}
