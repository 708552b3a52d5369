/**
 * The `hallmark tracks --json` document: exactly the documented keys, nothing that
 * only the web table needs (ids of observations, masks, review flags).
 */
import type { LesionTable } from './read-tracks';

export function tracksDocument(table: LesionTable) {
  return {
    patientId: table.patientId,
    timepoints: table.timepoints.map((t) => ({
      index: t.index, studyDate: t.studyDate, registration: t.registration,
    })),
    lesions: table.lesions.map((l) => ({
      id: l.id,
      label: l.label,
      status: l.status,
      observations: l.observations.map((o) => ({
        timepoint: o.timepoint, studyDate: o.studyDate, present: o.present, source: o.source,
        volumeMl: o.volumeMl, longestDiameterMm: o.longestDiameterMm,
        shortAxisMm: o.shortAxisMm, centroidMm: o.centroidMm,
        centroidBaselineMm: o.centroidBaselineMm, confidence: o.confidence,
      })),
    })),
  };
}

export type TracksDocument = ReturnType<typeof tracksDocument>;
