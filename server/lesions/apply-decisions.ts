/**
 * Replaying a reader's decisions over automatic tracks, oldest first, so they survive
 * every re-tracking. A decision whose mask is gone (re-ingested, deleted) is skipped.
 * Decisions, review actions (review-actions.ts) and the lesion a reader named for an
 * outline (a relink, see load-decisions.ts) are replayed as one list in the order they
 * were made.
 */
import type { DecisionKind, ReviewActionKind } from '@/db/schema';

import { sortObservations, type DraftObservation, type DraftTrack } from './draft';
import { keepWith, mergeTracks, vanishFrom } from './review-actions';

export interface DecisionInput {
  kind: DecisionKind | ReviewActionKind;
  /** The lesion decided about: a segment mask id or an outline id. */
  lesionId: string;
  withLesionId: string | null;
  /** For vanish: the first timepoint the lesion is absent from. */
  timepointIndex?: number | null;
}

interface Found {
  track: DraftTrack;
  observation: DraftObservation;
}

export function applyDecisions(tracks: DraftTrack[], decisions: DecisionInput[]): DraftTrack[] {
  const out = tracks.map((t) => ({ events: [...t.events], observations: [...t.observations] }));
  for (const decision of decisions) {
    const found = locate(out, decision.lesionId);
    if (!found) continue;
    replay(out, found, decision);
  }

  return out.filter((t) => t.observations.length > 0);
}

function replay(tracks: DraftTrack[], found: Found, decision: DecisionInput): void {
  const partner = () => locate(tracks, decision.withLesionId);
  switch (decision.kind) {
    case 'mark-new': return markNew(tracks, found);
    case 'split': return keepWith(tracks, found, partner());
    case 'merge': return mergeTracks(found, partner());
    case 'vanish':
      if (typeof decision.timepointIndex === 'number') {
        vanishFrom(tracks, found, decision.timepointIndex);
      }

      return;
    default: return applyLink(tracks, found, decision);
  }
}

function locate(tracks: DraftTrack[], lesionId: string | null): Found | undefined {
  for (const track of tracks) {
    const observation = track.observations.find((o) => o.lesionId === lesionId);
    if (observation) return { track, observation };
  }

  return undefined;
}

function settle(observation: DraftObservation, flag: 'manual' | 'confirmed'): void {
  observation.confidence = 1;
  observation.flags = [flag];
}

/** Confirm and relink both put the mask on the track of `withLesionId`. */
function applyLink(tracks: DraftTrack[], found: Found, decision: DecisionInput): void {
  const flag = decision.kind === 'confirm' ? 'confirmed' : 'manual';
  const partner = decision.withLesionId;
  const target = partner ? locate(tracks, partner) : undefined;
  if (target && target.track !== found.track) moveTo(found, target.track);
  settle(found.observation, flag);
}

/**
 * Moves the observation onto `into`. An observation already there at the same
 * timepoint swaps places with it: two lesions swapped by the matcher are fixed by one
 * relink.
 */
function moveTo(found: Found, into: DraftTrack): void {
  const t = found.observation.timepointIndex;
  const displaced = into.observations.find((o) => o.timepointIndex === t);
  found.track.observations = found.track.observations.filter((o) => o !== found.observation);
  into.observations = into.observations.filter((o) => o !== displaced);
  into.observations.push(found.observation);
  if (displaced) found.track.observations.push(displaced);
  sortObservations(into);
  sortObservations(found.track);
}

/** The mask and what follows it on its track become a lesion of their own. */
function markNew(tracks: DraftTrack[], found: Found): void {
  const t = found.observation.timepointIndex;
  const later = found.track.observations.filter((o) => o.timepointIndex >= t);
  found.track.observations = found.track.observations.filter((o) => o.timepointIndex < t);
  settle(found.observation, 'manual');
  tracks.push({ events: [{ kind: 'new', timepointIndex: t }], observations: later });
}
