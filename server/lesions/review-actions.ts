/**
 * Replaying the review actions beyond confirm, relink and mark-new (see
 * db/schema/tracking-extra.ts): split, merge and vanish. Like decisions they name masks
 * and are skipped when a mask is gone.
 */
import { sortObservations, type DraftObservation, type DraftTrack } from './draft';

export interface Located {
  track: DraftTrack;
  observation: DraftObservation;
}

export type Locate = (lesionId: string | null) => Located | undefined;

function settleManual(observation: DraftObservation): void {
  observation.confidence = 1;
  observation.flags = ['manual'];
}

/**
 * Split: the mask stays with the lesion of `keeper`; the track it leaves is absent at its
 * timepoint. A mask already on the keeper's track at that timepoint starts a track of its
 * own rather than being swapped, since the reader has not said where it belongs.
 */
export function keepWith(tracks: DraftTrack[], found: Located, keeper: Located | undefined) {
  settleManual(found.observation);
  if (!keeper || keeper.track === found.track) return;
  const t = found.observation.timepointIndex;
  const displaced = keeper.track.observations.find((o) => o.timepointIndex === t);
  found.track.observations = found.track.observations.filter((o) => o !== found.observation);
  keeper.track.observations = keeper.track.observations.filter((o) => o !== displaced);
  keeper.track.observations.push(found.observation);
  sortObservations(keeper.track);
  if (displaced) {
    displaced.flags = [...displaced.flags, 'split'];
    tracks.push({ events: [{ kind: 'new', timepointIndex: t }], observations: [displaced] });
  }
}

/**
 * Merge: every observation of `other`'s track joins `into`'s track. Where both tracks saw
 * a mask at the same timepoint, `into` keeps its own and the other mask is left on the
 * remaining track flagged 'several-parts': one lesion seen as two segments there.
 */
export function mergeTracks(into: Located, other: Located | undefined): void {
  if (!other || other.track === into.track) return;
  const taken = new Set(into.track.observations.map((o) => o.timepointIndex));
  const moving = other.track.observations.filter((o) => !taken.has(o.timepointIndex));
  other.track.observations = other.track.observations.filter((o) => !moving.includes(o));
  for (const o of other.track.observations) o.flags = [...o.flags, 'several-parts'];
  into.track.observations.push(...moving);
  sortObservations(into.track);
  const first = moving[0]?.timepointIndex ?? into.observation.timepointIndex;
  into.track.events.push({ kind: 'merged', timepointIndex: first });
  settleManual(into.observation);
}

/**
 * Vanish: the lesion is absent from `timepointIndex` on. Masks the track held from then
 * on were someone else's: they leave together as a new lesion (a reader can relink them).
 */
export function vanishFrom(tracks: DraftTrack[], found: Located, timepointIndex: number): void {
  const later = found.track.observations.filter((o) => o.timepointIndex >= timepointIndex);
  found.track.observations = found.track.observations.filter((o) => !later.includes(o));
  found.track.vanishedFrom = Math.min(found.track.vanishedFrom ?? Infinity, timepointIndex);
  found.track.events.push({ kind: 'vanished', timepointIndex });
  if (later.length === 0) return;
  later.forEach((o) => (o.flags = [...o.flags, 'needs-review']));
  tracks.push({ events: [{ kind: 'new', timepointIndex }], observations: later });
}
