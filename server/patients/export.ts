import { asc } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { patients } from '@/db/schema';

import { getPatientDetail } from './detail';

/** The document `hallmark patients --json` prints: every patient, nested. */
export async function listPatientsForExport(db: Db) {
  const ids = await db
    .select({ patientId: patients.patientId })
    .from(patients)
    .orderBy(asc(patients.patientId));
  const out = [];
  for (const { patientId } of ids) {
    const detail = await getPatientDetail(db, patientId);
    out.push({
      patientId,
      arm: detail.arm,
      timepoints: detail.timepoints.map((t) => ({
        index: t.index,
        date: t.date,
        baseline: t.isBaseline,
        series: t.series.map((s) => ({
          seriesInstanceUid: s.seriesInstanceUid,
          modality: s.modality,
          seriesType: s.seriesType,
          suvAvailable: s.modality === 'PT' ? Boolean(s.suv?.available) : false,
        })),
      })),
    });
  }

  return out;
}
