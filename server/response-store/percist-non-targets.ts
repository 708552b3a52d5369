/**
 * PERCIST non-targets from tracked lesions: every lesion seen at the baseline other than
 * the hottest one (PERCIST's target), "present" there. At a follow-up a reader's
 * non-target status wins (the same override RECIST reads); else a vanished lesion is
 * "absent", and so is one still outlined whose SULpeak is at or below the liver SUL mean:
 * PERCIST asks for uptake back to background, not for the mass to disappear, and the
 * engine reads measured lesions the same way. A lesion still outlined without a stored
 * SULpeak stays "present", since nothing shows its uptake has resolved.
 */
import type { NonTargetStatus } from '@/server/response/schema/input';

import type { LesionRow } from './lesion-rows';
import type { PetSignals } from './pet-signals';

export function percistNonTargets(lesions: LesionRow[], hottestLabel: string | undefined) {
  return lesions.filter((l) => !l.isNew && l.label !== hottestLabel);
}

export function nonTargetStatuses(
  nonTargets: LesionRow[],
  i: number,
  liverSulMean: number,
  pet: PetSignals,
): NonTargetStatus[] {
  return nonTargets.flatMap((l) => {
    const status = i === 0 ? 'present' : followUpStatus(l, i, liverSulMean, pet);

    return status ? [{ id: l.label, status }] : [];
  });
}

function followUpStatus(l: LesionRow, i: number, liverSulMean: number, pet: PetSignals) {
  const cell = l.cells[i];
  if (!cell || cell.present === null) return undefined;
  if (cell.nonTargetStatus) return cell.nonTargetStatus;
  if (!cell.present) return 'absent' as const;

  const sulPeak = cell.segmentMaskId ? pet.sulPeakByMask.get(cell.segmentMaskId) : undefined;

  return sulPeak !== undefined && sulPeak <= liverSulMean
    ? ('absent' as const)
    : ('present' as const);
}
