/**
 * Chooses the voxel-to-patient mapping of a NIfTI header the way the standard ranks
 * them: sform when sform_code > 0, else the qform quaternion, else bare pixdim. The
 * result is in DICOM LPS millimetres.
 */
import type { ImageGeometry, Mat3, Vec3 } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';
import type { Logger } from '@/server/lib/log';

import {
  flipRasLps,
  flipRasLpsPoint,
  hasPerpendicularColumns,
  quaternionToRotation,
  scaleColumns,
  splitColumns,
} from './affine';
import { scalar, type NiftiHeader } from './header';

export type GeometrySource = 'sform' | 'qform' | 'pixdim';

type Placement = Omit<ImageGeometry, 'size'>;

/** xyzt_units bits 0-2: 1 metre, 2 millimetre, 3 micrometre; 0 (unknown) is taken as mm. */
function millimetresPerUnit(header: NiftiHeader): number {
  const code = scalar(header, 'xyztUnits') & 0x07;
  if (code === 1) return 1000;
  if (code === 3) return 0.001;

  return 1;
}

/** Turns a RAS linear map (columns = voxel steps) and translation into LPS placement. */
function placementFromRas(linear: Mat3, offset: Vec3, mmPerUnit: number): Placement | null {
  const split = splitColumns(flipRasLps(linear));
  if (!split) return null;

  const origin = flipRasLpsPoint(offset);

  return {
    spacingMm: split.spacingMm.map((s) => s * mmPerUnit) as Vec3,
    originMm: origin.map((o) => o * mmPerUnit) as Vec3,
    direction: split.direction,
  };
}

function fromSform(header: NiftiHeader, mmPerUnit: number): Placement | null {
  const s = header.srow;
  const at = (n: number): number => s[n] ?? 0;
  const linear: Mat3 = [at(0), at(1), at(2), at(4), at(5), at(6), at(8), at(9), at(10)];

  return placementFromRas(linear, [at(3), at(7), at(11)], mmPerUnit);
}

/** Voxel spacings pixdim[1..3]; the standard requires them positive. */
function pixdimSpacing(header: NiftiHeader, log: Logger): Vec3 {
  const spacing = [1, 2, 3].map((n) => header.pixdim[n] ?? 0) as Vec3;
  if (spacing.some((s) => s === 0 || !Number.isFinite(s))) {
    throw new AppError('BAD_INPUT', `NIfTI pixdim has a zero or invalid spacing: ${spacing}.`, {
      userMessage: 'The NIfTI file has no usable voxel spacing (pixdim); re-export it.',
    });
  }
  if (spacing.some((s) => s < 0)) {
    log.warn('NIfTI pixdim has negative spacing; using its magnitude', { reason: 'pixdim' });
  }

  return spacing.map(Math.abs) as Vec3;
}

/** qfac (pixdim[0]) is -1 for a left-handed grid; the standard reads 0 as +1. */
function fromQform(header: NiftiHeader, spacing: Vec3, mmPerUnit: number): Placement | null {
  const [b = 0, c = 0, d = 0] = header.quatern;
  const qfac = header.pixdim[0] === -1 ? -1 : 1;
  const steps: Vec3 = [spacing[0], spacing[1], spacing[2] * qfac];
  const linear = scaleColumns(quaternionToRotation(b, c, d), steps);
  const [x = 0, y = 0, z = 0] = header.qoffset;

  return placementFromRas(linear, [x, y, z], mmPerUnit);
}

/**
 * Without sform or qform the standard maps voxel (i, j, k) to (i·dx, j·dy, k·dz) in its
 * RAS world; we keep that reading so the volume is at least metrically correct.
 */
function fromPixdim(spacing: Vec3, mmPerUnit: number): Placement | null {
  const linear = scaleColumns([1, 0, 0, 0, 1, 0, 0, 0, 1], spacing);

  return placementFromRas(linear, [0, 0, 0], mmPerUnit);
}

/**
 * A sheared sform cannot become an ImageVolume (its direction must be orthonormal), so
 * the qform is used instead and the shear is lost; resampling would be needed to keep it.
 */
export function niftiPlacement(
  header: NiftiHeader,
  log: Logger,
): Placement & { source: GeometrySource } {
  const mmPerUnit = millimetresPerUnit(header);
  if (scalar(header, 'sformCode') > 0) {
    const sform = fromSform(header, mmPerUnit);
    if (sform && hasPerpendicularColumns(sform.direction)) return { ...sform, source: 'sform' };
    log.warn('NIfTI sform is sheared or degenerate; falling back to qform', { reason: 'sform' });
  }

  const spacing = pixdimSpacing(header, log);
  if (scalar(header, 'qformCode') > 0) {
    const qform = fromQform(header, spacing, mmPerUnit);
    if (qform) return { ...qform, source: 'qform' };
  }

  log.warn('NIfTI has neither sform nor qform; orientation and origin are guesses', {
    reason: 'no-orientation',
  });
  const bare = fromPixdim(spacing, mmPerUnit);
  if (!bare) throw new Error('Positive pixdim spacing always gives a valid placement.');

  return { ...bare, source: 'pixdim' };
}
