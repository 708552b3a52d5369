/**
 * The `hallmark response <patientId> --json` document: the assessment with, per lesion,
 * the values the criteria read and who overrode them; no database ids except the track
 * ids a reader needs to address an override.
 */
import type { PatientResponse } from './assess-patient';

export function responseDocument(response: PatientResponse) {
  const dates = new Map(response.timepoints.map((t) => [t.id, t.date]));

  return {
    patientId: response.patientId,
    criteria: response.criteria,
    timepoints: response.timepoints.map((t) => ({
      date: t.date,
      isBaseline: t.isBaseline,
      evaluated: t.evaluated,
    })),
    lesions: response.lesions.map((l) => ({
      trackId: l.trackId,
      label: l.label,
      organ: l.organ,
      node: l.node,
      organSource: l.organSource,
      role: l.role,
      roleSource: l.roleSource,
      isNew: l.isNew,
      values: l.cells.map((c) => ({
        date: dates.get(c.timepointId) ?? '',
        present: c.present,
        valueMm: c.valueMm,
        tooSmall: c.tooSmall,
        overriddenBy: c.diameterOverride?.changedBy ?? null,
      })),
    })),
    suggestedTargets: response.suggestion.targets,
    notEvaluable: response.notEvaluable,
    result: response.result,
  };
}

export type ResponseDocument = ReturnType<typeof responseDocument>;
