/**
 * Scoring tracking results against the phantom's ground truth. A link is a pair of
 * observations (masks) put on one track; the truth links pairs of masks of one lesion.
 */
import type { PatientTruth } from '@/server/phantom/ground-truth';

import type { LesionTable } from '../read-tracks';

/** Mask id ↦ true lesion id, through the segment label each timepoint's SEG carries. */
export function truthOfMasks(
  table: LesionTable,
  truth: PatientTruth,
  maskLabels: Map<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const lesion of table.lesions) {
    for (const o of lesion.observations) {
      if (!o.segmentMaskId) continue;
      const label = maskLabels.get(o.segmentMaskId);
      const truthLesion = truth.timepoints[o.timepoint]?.lesions.find(
        (l) => l.segmentLabel === label && l.present,
      );
      if (truthLesion) out.set(o.segmentMaskId, truthLesion.lesionId);
    }
  }

  return out;
}

function pairs(groups: string[][]): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    const sorted = [...g].sort();
    sorted.forEach((a, i) => sorted.slice(i + 1).forEach((b) => out.add(`${a}|${b}`)));
  }

  return out;
}

export interface LinkScore {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
}

export function linkScore(table: LesionTable, truthOf: Map<string, string>): LinkScore {
  const predicted = pairs(
    table.lesions.map((l) =>
      l.observations.flatMap((o) => (o.segmentMaskId ? [o.segmentMaskId] : [])),
    ),
  );
  const byLesion = new Map<string, string[]>();
  truthOf.forEach((lesionId, mask) =>
    byLesion.set(lesionId, [...(byLesion.get(lesionId) ?? []), mask]),
  );
  const truthPairs = pairs([...byLesion.values()]);
  const hits = [...predicted].filter((p) => truthPairs.has(p)).length;
  const precision = predicted.size ? hits / predicted.size : 1;
  const recall = truthPairs.size ? hits / truthPairs.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;

  return { precision, recall, f1, truePairs: truthPairs.size, predictedPairs: predicted.size };
}

/** For each true lesion, the tracks its masks ended up on. */
export function tracksPerLesion(table: LesionTable, truthOf: Map<string, string>) {
  const out = new Map<string, Set<string>>();
  for (const lesion of table.lesions) {
    for (const o of lesion.observations) {
      const lesionId = o.segmentMaskId ? truthOf.get(o.segmentMaskId) : undefined;
      if (lesionId) out.set(lesionId, (out.get(lesionId) ?? new Set()).add(lesion.id));
    }
  }

  return out;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);

  return s.length % 2 ? s[mid]! : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Links between consecutive sightings: on each track, every measured observation paired
 * with the next measured one; in the truth, every mask of a lesion paired with the
 * lesion's next mask. Propagated observations carry no SEG label and are left out.
 */
export function consecutiveLinkScore(table: LesionTable, truthOf: Map<string, string>): LinkScore {
  const predicted = chains(
    table.lesions.map((l) =>
      [...l.observations]
        .sort((a, b) => a.timepoint - b.timepoint)
        .flatMap((o) => (o.segmentMaskId && o.source === 'segmentation' ? [o.segmentMaskId] : [])),
    ),
  );
  const timepointOf = new Map(
    table.lesions.flatMap((l) =>
      l.observations.flatMap((o) => (o.segmentMaskId ? [[o.segmentMaskId, o.timepoint]] : [])),
    ),
  );
  const byLesion = new Map<string, string[]>();
  truthOf.forEach((lesionId, mask) =>
    byLesion.set(lesionId, [...(byLesion.get(lesionId) ?? []), mask]),
  );
  const truth = chains(
    [...byLesion.values()].map((masks) =>
      masks.sort((a, b) => (timepointOf.get(a) ?? 0) - (timepointOf.get(b) ?? 0)),
    ),
  );
  const hits = [...predicted].filter((p) => truth.has(p)).length;
  const precision = predicted.size ? hits / predicted.size : 1;
  const recall = truth.size ? hits / truth.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;

  return { precision, recall, f1, truePairs: truth.size, predictedPairs: predicted.size };
}

function chains(sequences: string[][]): Set<string> {
  const out = new Set<string>();
  for (const s of sequences) s.slice(1).forEach((b, i) => out.add(`${s[i]}|${b}`));

  return out;
}
