/** Inputs and outputs of lesion matching across the timepoints of one patient. */
import type { ImageVolume, Vec3 } from '../imaging/image';

export interface LesionInput {
  lesionId: string;
  /** Centroid mapped into baseline space (after the registration transform), LPS mm. */
  centroidMm: Vec3;
  volumeMl: number;
  /** Volume of one voxel of the grid the lesion was measured on; the size gate allows for it. */
  voxelVolumeMl?: number;
  /** Mask in baseline space; all masks of one call must share the baseline grid. */
  mask?: ImageVolume;
}

export interface TimepointLesions {
  lesions: LesionInput[];
}

export interface MatchOptions {
  /** No link between centroids farther apart than this (mm), unless masks overlap. */
  gateMm?: number;
  /** No link between volumes differing by more than this factor, unless masks overlap. */
  maxVolumeRatio?: number;
  /** Voxels added to each volume before their ratio is taken (see match-cost.ts). */
  sizeAllowanceVoxels?: number;
  /** Dice at or above which masks overlapping count as the same lesion regardless. */
  overlapLinkDice?: number;
  /** Share of a piece's voxels inside the other lesion to call a split or merge. */
  splitMergeContainment?: number;
  /** Links below this confidence are flagged for review. */
  reviewBelowConfidence?: number;
  /** Confidence is multiplied by this for every timepoint a track was not seen. */
  gapPenaltyPerTimepoint?: number;
}

export type TrackEventKind = 'new' | 'vanished' | 'reappeared' | 'split' | 'merged';

export interface TrackEvent {
  kind: TrackEventKind;
  timepointIndex: number;
  /** For split: the pieces; for merged: the lesion the tracks now share. */
  lesionIds?: string[];
  /** For merged: the other track(s) that share the lesion. */
  withTrackIds?: string[];
}

export interface TrackObservation {
  timepointIndex: number;
  lesionId: string;
  /** Confidence in the link that put this lesion on this track, 0 to 1. */
  confidence: number;
}

export interface Track {
  trackId: string;
  observations: TrackObservation[];
  events: TrackEvent[];
}

export type ReviewReason = 'low-confidence' | 'split' | 'merged' | 'reappeared';

export interface ReviewFlag {
  trackId: string;
  timepointIndex: number;
  lesionId: string;
  reason: ReviewReason;
  confidence: number;
}

export interface MatchResult {
  tracks: Track[];
  reviewFlags: ReviewFlag[];
}
