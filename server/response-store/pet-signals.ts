/**
 * What PERCIST needs from the signals store: FDG SULpeak per lesion mask and the liver
 * reference (SUL mean and SD) per timepoint. Values the signals engine skipped are left
 * out, so the assessment can say which ones are missing.
 */
import { and, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { petReferences, signalValues } from '@/db/schema';

export interface PetSignals {
  sulPeakByMask: Map<string, number>;
  liverByTimepoint: Map<string, { sulMean: number; sulSd: number }>;
}

/** The catalogue id of FDG SULpeak (server/signals/catalogue.ts). */
const SULPEAK_SIGNAL = 'fdg-sulpeak';

export async function readPetSignals(db: Db, patientRowId: string): Promise<PetSignals> {
  const [values, references] = await Promise.all([
    db
      .select()
      .from(signalValues)
      .where(
        and(eq(signalValues.patientId, patientRowId), eq(signalValues.signalId, SULPEAK_SIGNAL)),
      ),
    db
      .select()
      .from(petReferences)
      .where(and(eq(petReferences.patientId, patientRowId), eq(petReferences.kind, 'liver'))),
  ]);
  // PERCIST reads lesions by SEG mask, so values of masks tracking made are not used yet.
  const sulPeakByMask = new Map(values.flatMap((v) =>
    v.value === null || v.segmentMaskId === null ? [] : [[v.segmentMaskId, v.value] as const]));
  const liverByTimepoint = new Map(
    references.flatMap((r) =>
      r.sulMean === null || r.sulSd === null || r.sulMean <= 0
        ? []
        : [[r.timepointId, { sulMean: r.sulMean, sulSd: r.sulSd }] as const],
    ),
  );

  return { sulPeakByMask, liverByTimepoint };
}
