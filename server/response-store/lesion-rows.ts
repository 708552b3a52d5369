/**
 * The response view of a tracked patient, before any criteria: per lesion its organ,
 * node status and role (target, non-target or neither), and per timepoint from the
 * baseline on the value each scan contributes, with every reader override applied.
 *
 * A follow-up lesion that is present but whose mask measures under 5 mm is marked too
 * small to measure, so RECIST counts it 5 mm: a diameter of a few voxels is not a
 * reliable measurement. RECIST keeps an actual measurement under 5 mm when a radiologist
 * can make one, so a reader's diameter wins over this mark; a reader may also set it.
 * Lymph nodes are never marked: RECIST always takes their measured short axis.
 */
import type {
  LesionRole,
  NewLesionOverride,
  NonTargetOverride,
  ResponseOverrideValue,
} from '@/db/schema';
import type { ObservationView, TrackView } from '@/server/lesions';
import { TOO_SMALL_MM } from '@/server/response/recist/target-sum';
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
  /** Present but too small to measure: RECIST counts 5 mm whatever valueMm says. */
  tooSmall: boolean;
  /**
   * Measured on a mask carried from an earlier scan because this one has no segmentation:
   * a proposal until a reader enters the diameter (then valueMm is the reader's).
   */
  propagated: boolean;
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
  tracks: (Omit<TrackView, 'observations'> & {
    observations: TrackedObservation[];
    /**
     * Every SEG mask of the track, also those of scans before the assessed baseline: an
     * override is keyed by one of the lesion's masks, and a reader may move the baseline
     * after making it.
     */
    maskIds?: string[];
  })[];
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
  const masks = track.maskIds ?? track.observations.flatMap((o) => o.segmentMaskId ?? []);
  const maskSet = new Set(masks);
  const { organ, node, organSource } = organOf(masks, maskSet, input);
  const baseline = track.observations.find((o) => o.timepointId === input.timepoints[0]?.id);
  const cells = input.timepoints.map((t, i) => {
    const observation = track.observations.find((o) => o.timepointId === t.id);

    return cellOf({ timepointId: t.id, isBaseline: i === 0, node }, observation, maskSet, input);
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

type DiameterValue = Extract<ResponseOverrideValue, { kind: 'diameter' }>;

interface CellPlace {
  timepointId: string;
  isBaseline: boolean;
  node: boolean;
}

function cellOf(
  place: CellPlace,
  o: ObservationView | undefined,
  masks: Set<string>,
  input: RowsInput,
): CellView {
  const find = (kind: 'diameter' | 'non-target' | 'new-lesion') =>
    findOverride(input.overrides, kind, masks, place.timepointId);
  const [diameter, nonTarget, newLesion] = [
    find('diameter'),
    find('non-target'),
    find('new-lesion'),
  ];
  const reader = diameter?.value.kind === 'diameter' ? diameter.value : null;

  return {
    timepointId: place.timepointId,
    present: o ? o.present : null,
    segmentMaskId: o?.segmentMaskId ?? null,
    longestDiameterMm: o?.longestDiameterMm ?? null,
    shortAxisMm: o?.shortAxisMm ?? null,
    valueMm: valueOf(o, place.node, reader),
    tooSmall: reader ? reader.tooSmall === true : measuresTooSmall(o, place),
    propagated: o?.source === 'propagated',
    diameterOverride: diameter ? noteOf(diameter) : null,
    nonTargetStatus: nonTarget?.value.kind === 'non-target' ? nonTarget.value.status : null,
    nonTargetOverride: nonTarget ? noteOf(nonTarget) : null,
    newLesionStatus: newLesion?.value.kind === 'new-lesion' ? newLesion.value.status : null,
    newLesionOverride: newLesion ? noteOf(newLesion) : null,
  };
}

/** The reader's diameter; else the measured one (short axis for a node), 0 once gone. */
function valueOf(o: ObservationView | undefined, node: boolean, reader: DiameterValue | null) {
  const measuredMm = o?.present ? (node ? o.shortAxisMm : o.longestDiameterMm) : 0;
  // A reader who only marks a lesion too small keeps the measured value on show.
  if (!reader || (reader.tooSmall && reader.diameterMm === null)) return o ? measuredMm : null;

  return reader.diameterMm;
}

/** Only follow-ups: RECIST needs a real measurement of every baseline target. */
function measuresTooSmall(o: ObservationView | undefined, place: CellPlace): boolean {
  if (place.isBaseline || place.node || !o?.present || o.longestDiameterMm === null) return false;

  return o.longestDiameterMm < TOO_SMALL_MM;
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
