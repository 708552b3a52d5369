/** Shapes the dashboard document into chart inputs; the liver sphere becomes one "lesion". */
import type { Lesion, StoredValue } from '@/lib/signal-series';
import type { SignalDefinition } from '@/server/signals';
import type { SignalsDocument } from '@/server/signals-store';

export const LIVER: Lesion = { key: 'liver-reference', label: 'Liver sphere', tracked: true };

export function referenceValues(doc: SignalsDocument): StoredValue[] {
  return doc.references.flatMap((r) => {
    if (r.kind !== 'liver' || !r.date) return [];
    const base = { lesionKey: LIVER.key, date: r.date, sourceSeriesUid: r.petSeriesId,
      sourceSeriesType: 'PT', sourceSeriesDescription: `FDG (${r.placement})` };

    return [{ ...base, signalId: 'liver-sul-mean', value: r.sulMean },
      { ...base, signalId: 'liver-sul-sd', value: r.sulSd }];
  });
}

/** Signals drawn per lesion (or for the liver); growth and counts have tables instead. */
export function chartable(s: SignalDefinition): boolean {
  return s.source.type !== 'timeline' && s.source.type !== 'lesion-list';
}

export function byHallmark(catalogue: readonly SignalDefinition[]) {
  const groups = new Map<string, SignalDefinition[]>();
  for (const s of catalogue.filter(chartable)) {
    groups.set(s.hallmark, [...(groups.get(s.hallmark) ?? []), s]);
  }

  return [...groups];
}
