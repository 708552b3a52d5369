/**
 * Lesion correspondence over all timepoints of one patient.
 *
 * Timepoints are visited in order. At each, every open track, at its last known lesion
 * (however many timepoints ago it was seen), is matched against the new lesions jointly
 * (match-assign.ts). Then, by mask overlap only:
 * - split: an unmatched lesion that lies mostly (splitMergeContainment) inside the last
 *   lesion of a track that was matched at this timepoint, within the gate, starts its
 *   own track; both tracks record a 'split' event naming the pieces;
 * - merged: an unmatched track whose last lesion lies mostly inside a lesion that
 *   another track was matched to, within the gate, closes with a 'merged' event (the
 *   other track records it too); from then on the merged lesion is followed by one track.
 * Other unmatched lesions start tracks ('new' after the baseline); other unmatched
 * tracks are 'vanished' until a later link brings them back ('reappeared').
 *
 * Splits and merges are found only when masks are given: without them an unmatched piece
 * is reported as a new lesion and a merged one as vanished.
 *
 * Each step is solved globally over tracks and lesions, but the timepoints are taken one
 * after another, not optimised jointly; a multi-frame assignment would be needed to let
 * a later scan revise an earlier link.
 */
import { AppError } from '../lib/errors';
import { maskIndices, containment, sameGrid } from './lesion-overlap';
import { assignStep, linkConfidence, type Link } from './match-assign';
import type { CostInput } from './match-cost';
import type {
  LesionInput, MatchOptions, MatchResult, ReviewFlag, TimepointLesions, Track, TrackEvent,
} from './match-types';

export const DEFAULT_MATCH_OPTIONS: Required<MatchOptions> = {
  // Residual misalignment after an affine registration (breathing, bowel, posture) is
  // typically several millimetres, up to about a centimetre in the lower chest.
  gateMm: 20,
  // A lesion whose diameter doubles grows eightfold in volume.
  maxVolumeRatio: 8,
  // Partial volume at the edge of a lesion a few voxels across adds or takes whole voxels:
  // 1 voxel against 9 is read as 3 against 11, not as a ninefold change.
  sizeAllowanceVoxels: 2,
  overlapLinkDice: 0.3,
  splitMergeContainment: 0.5,
  reviewBelowConfidence: 0.5,
  gapPenaltyPerTimepoint: 0.85,
};

interface Lesion extends CostInput {
  input: LesionInput;
}

interface TrackState {
  track: Track;
  last: Lesion;
  lastTimepoint: number;
  vanished: boolean;
  closed: boolean;
}

interface Book {
  states: TrackState[];
  flags: ReviewFlag[];
  options: Required<MatchOptions>;
}

export function matchLesions(
  timepoints: TimepointLesions[],
  options: MatchOptions = {},
): MatchResult {
  const book: Book = {
    states: [], flags: [], options: { ...DEFAULT_MATCH_OPTIONS, ...options },
  };
  const prepared = prepareLesions(timepoints);
  prepared.forEach((lesions, t) => step(book, lesions, t));

  return { tracks: book.states.map((s) => s.track), reviewFlags: book.flags };
}

function prepareLesions(timepoints: TimepointLesions[]): Lesion[][] {
  const reference = timepoints.flatMap((tp) => tp.lesions).find((l) => l.mask)?.mask;

  return timepoints.map((tp) => tp.lesions.map((input) => {
    if (input.mask && reference && !sameGrid(input.mask, reference)) {
      throw new AppError('BAD_INPUT', `Mask of lesion ${input.lesionId} is not on the ` +
        'baseline grid; resample every mask onto the baseline grid before matching.');
    }

    return {
      input,
      centroidMm: input.centroidMm,
      volumeMl: input.volumeMl,
      ...(input.voxelVolumeMl ? { voxelVolumeMl: input.voxelVolumeMl } : {}),
      ...(input.mask ? { indices: maskIndices(input.mask) } : {}),
    };
  }));
}

function step(book: Book, lesions: Lesion[], t: number): void {
  const open = book.states.filter((s) => !s.closed);
  const before = new Map(open.map((s) => [s, s.last]));
  const links = assignStep(open.map((s) => s.last), lesions, book.options);
  const trackOfLesion = new Map<number, TrackState>();
  for (const link of links) {
    const state = open[link.row]!;
    applyLink(book, state, lesions[link.col]!, link, t);
    trackOfLesion.set(link.col, state);
  }
  const linked = new Set(trackOfLesion.values());

  lesions.forEach((lesion, col) => {
    if (trackOfLesion.has(col)) return;
    const parent = splitParent(book, lesion, [...linked], before);
    startTrack(book, lesion, t, parent);
  });
  for (const state of open) {
    if (linked.has(state)) continue;
    const into = mergeTarget(book, before.get(state)!, lesions, trackOfLesion);
    if (into) recordMerge(book, state, into, t);
    else if (!state.vanished) markVanished(state, t);
  }
}

function applyLink(book: Book, state: TrackState, lesion: Lesion, link: Link, t: number): void {
  const missed = t - state.lastTimepoint - 1;
  const confidence = linkConfidence(link, missed, book.options.gapPenaltyPerTimepoint);
  const lesionId = lesion.input.lesionId;
  state.track.observations.push({ timepointIndex: t, lesionId, confidence });
  if (state.vanished) {
    state.track.events.push({ kind: 'reappeared', timepointIndex: t });
    flag(book, state, t, lesionId, 'reappeared', confidence);
  } else if (confidence < book.options.reviewBelowConfidence) {
    flag(book, state, t, lesionId, 'low-confidence', confidence);
  }
  state.last = lesion;
  state.lastTimepoint = t;
  state.vanished = false;
}

function flag(
  book: Book, state: TrackState, t: number, lesionId: string,
  reason: ReviewFlag['reason'], confidence: number,
): void {
  const trackId = state.track.trackId;
  book.flags.push({ trackId, timepointIndex: t, lesionId, reason, confidence });
}

function distanceMm(a: CostInput, b: CostInput): number {
  return Math.hypot(...a.centroidMm.map((v, i) => v - (b.centroidMm[i] ?? 0)));
}

/** The matched track whose previous lesion holds most of this unmatched piece. */
function splitParent(
  book: Book,
  piece: Lesion,
  matched: TrackState[],
  before: Map<TrackState, Lesion>,
): { state: TrackState; share: number } | undefined {
  let best: { state: TrackState; share: number } | undefined;
  for (const state of matched) {
    const share = heldBy(book, piece, before.get(state));
    if (share > (best?.share ?? 0)) best = { state, share };
  }

  return best;
}

/** Share of `piece` inside `whole` when within the gate and above the threshold, else 0. */
function heldBy(book: Book, piece: Lesion, whole: Lesion | undefined): number {
  if (!whole || !piece.indices || !whole.indices) return 0;
  if (distanceMm(piece, whole) > book.options.gateMm) return 0;
  const share = containment(piece.indices, whole.indices);

  return share >= book.options.splitMergeContainment ? share : 0;
}

/** The track now holding the lesion into which this unmatched track's lesion merged. */
function mergeTarget(
  book: Book,
  lastLesion: Lesion,
  lesions: Lesion[],
  trackOfLesion: Map<number, TrackState>,
): { state: TrackState; lesion: Lesion } | undefined {
  let best: { state: TrackState; lesion: Lesion; share: number } | undefined;
  trackOfLesion.forEach((state, col) => {
    const lesion = lesions[col];
    const share = lesion ? heldBy(book, lastLesion, lesion) : 0;
    if (lesion && share > (best?.share ?? 0)) best = { state, lesion, share };
  });

  return best;
}

function startTrack(
  book: Book,
  lesion: Lesion,
  t: number,
  parent?: { state: TrackState; share: number },
): void {
  const trackId = `T${book.states.length + 1}`;
  const lesionId = lesion.input.lesionId;
  const events: TrackEvent[] = t > 0 && !parent ? [{ kind: 'new', timepointIndex: t }] : [];
  // A lesion with no predecessor is certain to be itself. A split piece's confidence is
  // the share of it that the parent lesion held; splits are always flagged for review.
  const confidence = parent ? parent.share : 1;
  const state: TrackState = {
    track: { trackId, observations: [{ timepointIndex: t, lesionId, confidence }], events },
    last: lesion,
    lastTimepoint: t,
    vanished: false,
    closed: false,
  };
  book.states.push(state);
  if (!parent) return;

  const pieces = [parent.state.last.input.lesionId, lesionId];
  parent.state.track.events.push({
    kind: 'split', timepointIndex: t, lesionIds: pieces, withTrackIds: [trackId],
  });
  events.push({
    kind: 'split', timepointIndex: t, lesionIds: pieces, withTrackIds: [parent.state.track.trackId],
  });
  flag(book, state, t, lesionId, 'split', confidence);
}

function recordMerge(
  book: Book,
  state: TrackState,
  into: { state: TrackState; lesion: Lesion },
  t: number,
): void {
  const lesionIds = [into.lesion.input.lesionId];
  state.track.events.push({ kind: 'merged', timepointIndex: t, lesionIds,
    withTrackIds: [into.state.track.trackId] });
  into.state.track.events.push({ kind: 'merged', timepointIndex: t, lesionIds,
    withTrackIds: [state.track.trackId] });
  state.closed = true;
  const confidence = into.state.track.observations.at(-1)?.confidence ?? 0;
  flag(book, into.state, t, into.lesion.input.lesionId, 'merged', confidence);
}

function markVanished(state: TrackState, t: number): void {
  state.track.events.push({ kind: 'vanished', timepointIndex: t });
  state.vanished = true;
}
