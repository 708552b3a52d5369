/**
 * Registration on the calling thread: downsample, run elastix (the WebAssembly build, or
 * the native command when the options ask for it), turn its maps into one affine, then
 * check the alignment before anyone relies on it. Any failure returns status 'failed'
 * with a reason and no transform, never an identity.
 *
 * Known shortcoming: elastix in WebAssembly runs on one thread and takes 2.2 to 3 times as
 * long as the native command with the same maps (bench/registration.ts, two cores); the
 * native engine avoids that only where the command is installed.
 */
import { elastixNode } from '@itk-wasm/elastix';
import type { ImageVolume } from '../imaging/image';
import { logger } from '../lib/log';
import { alignmentQuality } from './alignment-quality';
import { crossModalQuality } from './cross-modal-quality';
import { downsampleVolume, REGISTRATION_SPACING_MM } from './downsample';
import { NativeElastixError, runNativeElastix } from './elastix-native';
import { parametersToAffine } from './elastix-transform';
import { bodyThreshold, registrationIntensities, type ImageKind } from './image-kind';
import { toItkImage } from './itk-image';
import { buildParameterMaps, configuredIterations, type ParameterMap } from './parameter-maps';
import {
  DEFAULT_MIN_BODY_DICE, DEFAULT_MIN_OVERLAP_FRACTION,
  type RegistrationEngine, type RegistrationOptions, type RegistrationResult,
} from './registration-types';

const log = logger('registration');

/** Fewer body voxels than this (on the registration grid) means there is no body. */
const MIN_BODY_VOXELS = 100;

export async function registerInProcess(
  fixed: ImageVolume,
  moving: ImageVolume,
  options: RegistrationOptions = {},
): Promise<RegistrationResult> {
  const startMs = performance.now();
  const requested = buildParameterMaps(options);
  const spacing = options.targetSpacingMm ?? REGISTRATION_SPACING_MM;
  const small = {
    fixed: downsampleVolume(fixed, spacing),
    moving: downsampleVolume(moving, spacing),
  };
  const engine = options.engine ?? 'wasm';
  const base = baseResult(requested, small, startMs);
  base.quality.engine = engine;

  const movingKind = options.movingKind ?? 'ct';
  const emptyReason = checkBodies(small.fixed, small.moving, movingKind);
  if (emptyReason) return failed(base, emptyReason, startMs);

  let returned: ParameterMap[];
  try {
    returned = await runElastix(engine, requested, small, movingKind);
  } catch (err) {
    log.warn('elastix failed', { xEngine: engine, err });

    return failed(base, elastixFailure(err), startMs);
  }
  base.parameterMaps.result = returned;

  return judge(base, returned, small, options, startMs);
}

async function runElastix(
  engine: RegistrationEngine,
  maps: ParameterMap[],
  images: Pair,
  movingKind: ImageKind,
): Promise<ParameterMap[]> {
  const fixed = registrationIntensities(images.fixed, 'ct');
  const moving = registrationIntensities(images.moving, movingKind);
  if (engine === 'native') return runNativeElastix(maps, fixed, moving);

  const { transformParameterObject } = await elastixNode(maps, {
    fixed: toItkImage(fixed, 'fixed'), moving: toItkImage(moving, 'moving'),
  });
  if (!Array.isArray(transformParameterObject)) {
    throw new Error('elastix returned no transform parameter maps.');
  }

  return transformParameterObject as ParameterMap[];
}

/** The WebAssembly build throws a bare number (an exception pointer) without a message. */
function elastixFailure(err: unknown): string {
  if (err instanceof NativeElastixError && err.commandMissing) {
    return `Elastix could not run: ${err.message}.`;
  }
  const detail = err instanceof Error
    ? err.message.trim()
    : `it aborted without a message (WebAssembly exception ${String(err)})`;

  return `Elastix could not register the images: ${detail}. Check the registration ` +
    'parameters (an unknown component name is a common cause) or review the pair by hand.';
}

function checkBodies(fixed: ImageVolume, moving: ImageVolume, movingKind: ImageKind) {
  const advice = 'check that a CT series of the body was chosen and that its HU are rescaled.';
  if (bodyVoxels(fixed, 'ct') < MIN_BODY_VOXELS) {
    return `The baseline image shows no body (almost nothing above −500 HU): ${advice}`;
  }
  if (movingKind === 'ct' && bodyVoxels(moving, 'ct') < MIN_BODY_VOXELS) {
    return `The follow-up image shows no body (almost nothing above −500 HU): ${advice}`;
  }
  if (movingKind === 'other' && bodyVoxels(moving, 'other') < MIN_BODY_VOXELS) {
    return 'The series to register shows no body (almost every voxel is zero): check that ' +
      'an image of the body, not a mask or a derived map of zeros, was chosen.';
  }

  return undefined;
}

function bodyVoxels(volume: ImageVolume, kind: ImageKind): number {
  const threshold = bodyThreshold(volume, kind);
  let count = 0;
  for (const v of volume.data) if (v > threshold) count++;

  return count;
}

type Pair = { fixed: ImageVolume; moving: ImageVolume };

function judge(
  base: RegistrationResult,
  returned: ParameterMap[],
  small: Pair,
  options: RegistrationOptions,
  startMs: number,
): RegistrationResult {
  let transform;
  try {
    transform = parametersToAffine(returned);
  } catch (err) {
    return failed(base, `The registration result could not be read: ${String(err)}`, startMs);
  }
  const movingKind = options.movingKind ?? 'ct';
  // Across modalities intensities do not correlate; only the body outlines are compared.
  const quality = movingKind === 'ct'
    ? alignmentQuality(small.fixed, small.moving, transform.matrix)
    : { ...crossModalQuality({ image: small.fixed, kind: 'ct' },
      { image: small.moving, kind: movingKind }, transform.matrix), ncc: null };
  base.quality.finalMetric = quality.ncc;
  base.quality.bodyOverlapDice = quality.bodyOverlapDice;
  base.quality.overlapFraction = quality.overlapFraction;

  const reason = qualityProblem(quality, options);
  if (reason) return failed(base, reason, startMs);
  base.transform = transform;
  base.quality.durationMs = performance.now() - startMs;
  log.info('registered', {
    durationMs: base.quality.durationMs, xDice: quality.bodyOverlapDice,
    xEngine: base.quality.engine,
  });

  return base;
}

function qualityProblem(
  q: { bodyOverlapDice: number; overlapFraction: number },
  options: RegistrationOptions,
): string | undefined {
  const minDice = options.minBodyDice ?? DEFAULT_MIN_BODY_DICE;
  const minOverlap = options.minOverlapFraction ?? DEFAULT_MIN_OVERLAP_FRACTION;
  if (q.overlapFraction < minOverlap) {
    return `Only ${pct(q.overlapFraction)} of the baseline maps inside the follow-up ` +
      `(at least ${pct(minOverlap)} needed): the scans may cover different body regions; ` +
      'align them by hand or choose series that cover the same region.';
  }
  if (q.bodyOverlapDice < minDice) {
    return `The body outlines overlap with Dice ${q.bodyOverlapDice.toFixed(2)} after ` +
      `registration (at least ${minDice} needed): the alignment is not trustworthy; ` +
      'review the pair or align it by hand.';
  }

  return undefined;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function baseResult(requested: ParameterMap[], small: Pair, startMs: number): RegistrationResult {
  const grid = (v: ImageVolume) => ({ size: v.size, spacingMm: v.spacingMm });

  return {
    status: 'ok',
    transform: null,
    quality: {
      finalMetric: null,
      iterations: configuredIterations(requested),
      bodyOverlapDice: null,
      overlapFraction: null,
      durationMs: performance.now() - startMs,
    },
    parameterMaps: { requested, result: null },
    grids: { fixed: grid(small.fixed), moving: grid(small.moving) },
  };
}

function failed(base: RegistrationResult, reason: string, startMs: number): RegistrationResult {
  log.warn('registration rejected', { reason });

  return {
    ...base,
    status: 'failed',
    reason,
    transform: null,
    quality: { ...base.quality, durationMs: performance.now() - startMs },
  };
}
