/**
 * The PERCIST 1.0 engine input from the response rows and the stored PET signals. Every
 * lesion seen at the baseline counts, since PERCIST follows the hottest lesion of each
 * scan whatever its RECIST role. A scan without its liver reference cannot be compared
 * and is set aside with the reason; a baseline without one, or without any SULpeak,
 * makes the whole assessment not evaluable. Lesions other than the hottest baseline one
 * also go in as non-targets by status (see percist-non-targets).
 */
import { hottestLesion } from '@/server/response/percist/measurability';
import type { ResponseInput } from '@/server/response/schema/input';

import type { LesionRow, ResponseRows } from './lesion-rows';
import { nonTargetStatuses, percistNonTargets } from './percist-non-targets';
import type { PetSignals } from './pet-signals';

type PercistPoint = Extract<ResponseInput, { criteria: 'percist1.0' }>['timepoints'][number];

export interface PercistBuild {
  /** null when the baseline itself cannot be assessed; `reason` says why. */
  input: ResponseInput | null;
  reason: string | null;
  /** Timepoint index to why it was left out of the engine input. */
  skipped: Map<number, string>;
  /** Timepoint index to lesions present there whose SULpeak is missing. */
  notes: Map<number, string>;
}

const HOW = 'compute the PET signals of this patient, or place the liver sphere by hand';

export function percistInput(rows: ResponseRows, pet: PetSignals): PercistBuild {
  const skipped = new Map<number, string>();
  const notes = new Map<number, string>();
  const points: PercistPoint[] = [];
  let followed: LesionRow[] = [];
  rows.timepoints.forEach((t, i) => {
    const liver = pet.liverByTimepoint.get(t.id);
    if (!t.evaluated) return skipped.set(i, 'marked not evaluated by a reader');
    if (!liver) return skipped.set(i, `no liver reference (SUL mean and SD) on ${t.date}; ${HOW}`);

    const { lesions, missing } = measured(rows.lesions, i, pet);
    if (missing.length) notes.set(i, `no SULpeak stored for ${missing.join(', ')}`);
    // A skipped baseline leaves no non-targets, but then nothing is assessed at all.
    if (i === 0) followed = percistNonTargets(rows.lesions, hottestLesion({ lesions })?.id);
    const nonTargets = nonTargetStatuses(followed, i, liver.sulMean, pet);
    const newLesions = i === 0 ? [] : newPetLesions(rows.lesions, i);
    points.push({ date: t.date, liver, lesions, nonTargets, newLesions });
  });

  return {
    input: { criteria: 'percist1.0', timepoints: points },
    reason: baselineProblem(rows, points, skipped),
    skipped,
    notes,
  };
}

function baselineProblem(rows: ResponseRows, points: PercistPoint[], skipped: Map<number, string>) {
  const baselineSkip = skipped.get(0);
  if (baselineSkip) return `baseline cannot be assessed: ${baselineSkip}`;
  if ((points[0]?.lesions.length ?? 0) === 0) {
    const date = rows.timepoints[0]?.date ?? 'the baseline';

    return `no lesion has an FDG SULpeak at the baseline (${date}); ${HOW}`;
  }

  return null;
}

function measured(lesions: LesionRow[], i: number, pet: PetSignals) {
  const missing: string[] = [];
  const found = lesions
    .filter((l) => !l.isNew)
    .flatMap((l) => {
      const cell = l.cells[i];
      if (!cell?.present || !cell.segmentMaskId) return [];

      const sulPeak = pet.sulPeakByMask.get(cell.segmentMaskId);
      if (sulPeak === undefined) missing.push(l.label);

      return sulPeak === undefined ? [] : [{ id: l.label, sulPeak }];
    });

  return { lesions: found, missing };
}

function newPetLesions(lesions: LesionRow[], i: number) {
  return lesions
    .filter((l) => l.isNew)
    .flatMap((l) => {
      const cell = l.cells[i];
      const status = cell?.newLesionStatus ?? (cell?.present ? 'unequivocal' : 'not-new');

      return status === 'not-new'
        ? []
        : [{ id: l.label, organ: l.organ, unequivocal: status === 'unequivocal' }];
    });
}
