/** What a registration returns; shared by the worker and its callers. */
import type { Vec3 } from '../imaging/image';
import type { AffineTransform } from './affine';
import type { ImageKind } from './image-kind';
import type { ParameterMap, ParameterMapOptions } from './parameter-maps';

/**
 * Which elastix runs: the WebAssembly build shipped with the app (works everywhere), or
 * the native command where it is installed (multithreaded, two to three times faster).
 */
export type RegistrationEngine = 'wasm' | 'native';

export interface RegistrationOptions extends ParameterMapOptions {
  /** Defaults to HALLMARK_REGISTRATION_ENGINE, itself 'wasm' when unset. */
  engine?: RegistrationEngine;
  /** Both images are block-averaged to about this spacing first (see downsample.ts). */
  targetSpacingMm?: number;
  /** Below this body Dice after alignment the result is rejected. */
  minBodyDice?: number;
  /** Below this share of the fixed grid mapping inside the moving image, rejected. */
  minOverlapFraction?: number;
  /**
   * What the moving image holds: CT HU (the default), or another modality registered to
   * a CT (an MR map, a PET), whose body and quality are judged by its outline alone.
   */
  movingKind?: ImageKind;
  /** Run on the calling thread instead of a worker (already in a worker, or tests). */
  inProcess?: boolean;
}

export interface RegistrationQuality {
  /**
   * NCC of HU inside the fixed body after alignment, computed by Hallmark; null across
   * modalities, where intensities do not correlate.
   */
  finalMetric: number | null;
  /** Optimiser iterations the parameter maps asked for, summed over stages and levels. */
  iterations: number;
  bodyOverlapDice: number | null;
  overlapFraction: number | null;
  durationMs: number;
  /** The elastix that ran; absent on records made before the choice existed (wasm). */
  engine?: RegistrationEngine;
}

export interface RegistrationGrid {
  size: Vec3;
  spacingMm: Vec3;
}

export interface RegistrationResult {
  status: 'ok' | 'failed';
  /** Why it failed, worded for the person who has to act on it. */
  reason?: string;
  /** Fixed (baseline) LPS point ↦ moving (follow-up) LPS point; null when failed. */
  transform: AffineTransform | null;
  quality: RegistrationQuality;
  /** The maps that were run, then (when elastix finished) the maps it returned. */
  parameterMaps: { requested: ParameterMap[]; result: ParameterMap[] | null };
  /** The grids elastix actually saw after downsampling. */
  grids: { fixed: RegistrationGrid; moving: RegistrationGrid } | null;
}

/**
 * Why a body Dice of 0.8: the same patient's body outline, once aligned, overlaps well
 * above 0.9 even with weight change and different arm positions; below 0.8 the images
 * are most likely misaligned or not of the same region.
 */
export const DEFAULT_MIN_BODY_DICE = 0.8;

/** Under a fifth of the baseline inside the follow-up leaves too little to trust. */
export const DEFAULT_MIN_OVERLAP_FRACTION = 0.2;
