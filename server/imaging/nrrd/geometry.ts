import {
  IDENTITY_DIRECTION,
  type ImageGeometry,
  type Mat3,
  type Vec3,
} from '@/server/imaging/image';
import { hasPerpendicularColumns, splitColumns } from '@/server/imaging/nifti/affine';
import { AppError } from '@/server/lib/errors';
import type { Logger } from '@/server/lib/log';

import { spaceToLps, vector, vectors } from './fields';

type Placement = Omit<ImageGeometry, 'size'>;

function badGeometry(message: string, userMessage: string): AppError {
  return new AppError('BAD_INPUT', message, { userMessage });
}

/** Columns are the axis step vectors, already in LPS. */
function placementFromSteps(steps: Vec3[], originMm: Vec3): Placement {
  const [i, j, k] = steps;
  if (!i || !j || !k || steps.length !== 3) {
    throw badGeometry(
      'NRRD space directions must list three vectors.',
      'The NRRD needs one space direction per axis; re-export it.',
    );
  }

  const linear: Mat3 = [i[0], j[0], k[0], i[1], j[1], k[1], i[2], j[2], k[2]];
  const split = splitColumns(linear);
  if (!split || !hasPerpendicularColumns(split.direction)) {
    throw badGeometry(
      'NRRD space directions are zero or not perpendicular.',
      'The NRRD axes are degenerate or sheared; resample it onto a regular grid first.',
    );
  }

  return { ...split, originMm };
}

function fromSpace(fields: Map<string, string>, log: Logger): Placement {
  const flips = spaceToLps(fields.get('space'));
  const toLps = (v: Vec3): Vec3 => [v[0] * flips[0], v[1] * flips[1], v[2] * flips[2]];
  const directions = fields.get('space directions');
  if (!directions) {
    throw badGeometry(
      'NRRD has a space but no space directions.',
      'The NRRD header needs "space directions"; re-export it.',
    );
  }

  const origin = fields.get('space origin');
  if (!origin) {
    log.warn('NRRD has no space origin; placing voxel 0 at 0,0,0', { reason: 'space origin' });
  }
  const steps = vectors(directions, 'space directions').map(toLps);

  return placementFromSteps(steps, origin ? toLps(vector(origin, 'space origin')) : [0, 0, 0]);
}

/** Old-style NRRD without a space: only spacings, so orientation is unknown. */
function fromSpacings(fields: Map<string, string>, log: Logger): Placement {
  const spacings = (fields.get('spacings') ?? '').trim().split(/\s+/).map(Number);
  if (spacings.length !== 3 || spacings.some((s) => !(s > 0))) {
    throw badGeometry(
      'NRRD has neither a space nor three positive spacings.',
      'The NRRD carries no voxel geometry; re-export it with a patient space.',
    );
  }

  log.warn('NRRD has no space; assuming LPS axes and origin 0,0,0', { reason: 'space' });

  return { spacingMm: spacings as Vec3, originMm: [0, 0, 0], direction: IDENTITY_DIRECTION };
}

export function nrrdPlacement(fields: Map<string, string>, log: Logger): Placement {
  if (fields.has('space')) return fromSpace(fields, log);
  if (fields.has('space dimension')) {
    const message = 'NRRD "space dimension" without a named space is not supported.';
    throw new AppError('UNSUPPORTED', message, {
      userMessage: 'Save the NRRD with a named patient space (left-posterior-superior).',
    });
  }

  return fromSpacings(fields, log);
}
