/**
 * The response view of a tracked patient, before any criteria: per lesion its organ,
 * node status and role (target, non-target or neither), and per timepoint from the
 * baseline on the value each scan contributes, with every reader override applied.
 */
import type { LesionRole, NewLesionOverride, NonTargetOverride } from '@/db/schema';
import type { ObservationView, TrackView } from '@/server/lesions';
import {
  RECIST_LIMITS,
  suggestTargets,
  type TargetSuggestion,
} from '@/server/response/recist/target-selection';

import type { OrganOfMask } from './organ-regions';
import { findOverride, noteOf, type OverrideNote, type StoredOverride } from './overrides';

export interface TimepointView {
  id: string;
  date: string;
  isBaseline: boolean;
  evaluated: boolean;
  evaluatedOverride: OverrideNote | null;
  /** Slice spacing of the timepoint's CT: RECIST's measurable minimum is twice it. */
  sliceThicknessMm: number | null;
}

export interface CellView {
  timepointId: string;
  /** null: the lesion has no observation here (it starts later). */
  present: boolean | null;
  segmentMaskId: string | null;
  longestDiameterMm: number | null;
  shortAxisMm: number | null;
  /** What the criteria read: the reader's diameter if set, else short axis for a node. */
  valueMm: number | null;
  diameterOverride: OverrideNote | null;
  nonTargetStatus: NonTargetOverride | null;
  nonTargetOverride: OverrideNote | null;
  newLesionStatus: NewLesionOverride | null;
  newLesionOverride: OverrideNote | null;
}

export interface LesionRow {
  trackId: string;
  label: string;
  organ: string;
  node: boolean;
  organSource: 'seg' | 'reader' | 'unknown';
  role: LesionRole;
  roleSource: 'suggested' | 'reader';
  /** Not seen at the baseline: a new lesion wherever it is present. */
  isNew: boolean;
  masks: string[];
  cells: CellView[];
}

export type TrackedObservation = ObservationView & { timepointId: string };

export interface RowsInput {
  timepoints: { id: string; date: string; sliceThicknessMm?: number | null }[];
  /** Tracks from the tracking store; their observations name timepoints by id. */
  tracks: (Omit<TrackView, 'observations'> & { observations: TrackedObservation[] })[];
  organs: Map<string, OrganOfMask>;
  overrides: StoredOverride[];
}

export interface ResponseRows {
  timepoints: TimepointView[];
  lesions: LesionRow[];
  suggestion: TargetSuggestion;
}

export function buildRows(input: RowsInput): ResponseRows {
  const timepoints = input.timepoints.map((t, i): TimepointView => {
    const row = findOverride(input.overrides, 'timepoint', null, t.id);
    const evaluated = row?.value.kind === 'timepoint' ? row.value.evaluated : true;

    return {
      id: t.id,
      date: t.date,
      isBaseline: i === 0,
      evaluated,
      evaluatedOverride: row ? noteOf(row) : null,
      sliceThicknessMm: t.sliceThicknessMm ?? null,
    };
  });
  const drafts = input.tracks.map((track) => draftRow(track, input));
  const baselineId = timepoints[0]?.id;
  const thickness = timepoints[0]?.sliceThicknessMm ?? undefined;
  const suggestion = suggestTargets(
    drafts.flatMap((d) => {
      const valueMm = d.cells.find((c) => c.timepointId === baselineId)?.valueMm;

      return !d.isNew && valueMm != null
        ? [{ id: d.label, organ: d.organ, node: d.node, diameterMm: valueMm }]
        : [];
    }),
    { ...RECIST_LIMITS, sliceThicknessMm: thickness },
  );
  const lesions = drafts.map((d) => withRole(d, suggestion, input.overrides));

  return { timepoints, lesions, suggestion };
}

type Draft = Omit<LesionRow, 'role' | 'roleSource'>;

function draftRow(track: RowsInput['tracks'][number], input: RowsInput): Draft {
  const masks = track.observations.flatMap((o) => o.segmentMaskId ?? []);
  const maskSet = new Set(masks);
  const { organ, node, organSource } = organOf(masks, maskSet, input);
  const baseline = track.observations.find((o) => o.timepointId === input.timepoints[0]?.id);
  const cells = input.timepoints.map((t) => {
    const observation = track.observations.find((o) => o.timepointId === t.id);

    return cellOf(t.id, observation, node, maskSet, input.overrides);
  });

  return {
    trackId: track.id,
    label: track.label,
    organ,
    node,
    organSource,
    isNew: baseline?.present !== true,
    masks,
    cells,
  };
}

function organOf(masks: string[], maskSet: Set<string>, input: RowsInput) {
  const row = findOverride(input.overrides, 'organ', maskSet, null);
  if (row?.value.kind === 'organ') {
    return { organ: row.value.organ, node: row.value.node, organSource: 'reader' as const };
  }
  const found = masks.map((m) => input.organs.get(m)).find(Boolean);

  return found
    ? { ...found, organSource: 'seg' as const }
    : { organ: 'unknown', node: false, organSource: 'unknown' as const };
}

function cellOf(
  timepointId: string,
  o: ObservationView | undefined,
  node: boolean,
  masks: Set<string>,
  overrides: StoredOverride[],
): CellView {
  const find = (kind: 'diameter' | 'non-target' | 'new-lesion') =>
    findOverride(overrides, kind, masks, timepointId);
  const [diameter, nonTarget, newLesion] = [
    find('diameter'),
    find('non-target'),
    find('new-lesion'),
  ];
  const measuredMm = o?.present ? (node ? o.shortAxisMm : o.longestDiameterMm) : 0;

  return {
    timepointId,
    present: o ? o.present : null,
    segmentMaskId: o?.segmentMaskId ?? null,
    longestDiameterMm: o?.longestDiameterMm ?? null,
    shortAxisMm: o?.shortAxisMm ?? null,
    valueMm:
      diameter?.value.kind === 'diameter' ? diameter.value.diameterMm : o ? measuredMm : null,
    diameterOverride: diameter ? noteOf(diameter) : null,
    nonTargetStatus: nonTarget?.value.kind === 'non-target' ? nonTarget.value.status : null,
    nonTargetOverride: nonTarget ? noteOf(nonTarget) : null,
    newLesionStatus: newLesion?.value.kind === 'new-lesion' ? newLesion.value.status : null,
    newLesionOverride: newLesion ? noteOf(newLesion) : null,
  };
}

function withRole(d: Draft, suggestion: TargetSuggestion, overrides: StoredOverride[]) {
  const row = findOverride(overrides, 'role', new Set(d.masks), null);
  if (row?.value.kind === 'role' && !d.isNew) {
    return { ...d, role: row.value.role, roleSource: 'reader' as const };
  }
  const role: LesionRole = d.isNew
    ? 'none'
    : suggestion.targets.includes(d.label)
      ? 'target'
      : suggestion.nonTargets.includes(d.label)
        ? 'non-target'
        : 'none';

  return { ...d, role, roleSource: 'suggested' as const };
}
