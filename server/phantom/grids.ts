/**
 * Image grids per cohort size. Each timepoint's CT picks one of several grids, so
 * follow-ups differ from baseline in field of view, pixel spacing or slice spacing as
 * real ones do. Columns are kept a multiple of 8 so SEG frames pack into whole bytes.
 * Every grid covers at least ±99 mm about the scan centre, the lesions' band plus pose.
 */
import type { ImageGeometry, Vec3 } from '@/server/imaging/image';
import { IDENTITY_DIRECTION } from '@/server/imaging/image';

export type PhantomSize = 'small' | 'demo' | 'full';

export const PHANTOM_SIZES: readonly PhantomSize[] = ['small', 'demo', 'full'];

export interface GridChoice {
  /** Square in-plane matrix. */
  columns: number;
  pixelMm: number;
  sliceCount: number;
  sliceMm: number;
}

const grid = (columns: number, pixelMm: number, sliceCount: number, sliceMm: number) => ({
  columns,
  pixelMm,
  sliceCount,
  sliceMm,
});

export const CT_GRIDS: Record<PhantomSize, GridChoice[]> = {
  small: [
    grid(96, 4, 36, 5.5),
    grid(96, 4.4, 36, 5.5),
    grid(96, 4, 40, 5),
    grid(104, 3.8, 36, 5.5),
  ],
  demo: [
    grid(256, 1.6, 90, 2.5),
    grid(256, 1.8, 90, 2.5),
    grid(256, 1.6, 76, 3),
    grid(240, 1.75, 90, 2.5),
  ],
  full: [
    grid(512, 0.8, 300, 0.8),
    grid(512, 0.9, 300, 0.8),
    grid(512, 0.8, 240, 1),
    grid(480, 0.85, 300, 0.8),
  ],
};

/**
 * The unenhanced CT of a timepoint, when one is written: thicker slices and other pixels
 * than the enhanced CT, as a low-dose pre-contrast pass often has, so lesion masks drawn
 * on the enhanced CT must be resampled to be measured on it. Same z coverage as the
 * first CT grid of the size.
 */
export const UNENHANCED_CT_GRIDS: Record<PhantomSize, GridChoice> = {
  small: grid(88, 4.4, 33, 6),
  demo: grid(224, 1.8, 45, 5),
  full: grid(512, 0.8, 120, 2),
};

export const PET_GRIDS: Record<PhantomSize, GridChoice> = {
  small: grid(64, 6, 34, 6),
  demo: grid(144, 4, 58, 4),
  full: grid(168, 4, 60, 4),
};

export const MR_GRIDS: Record<PhantomSize, GridChoice> = {
  small: grid(64, 6, 34, 6),
  demo: grid(160, 2.6, 45, 5),
  full: grid(256, 1.6, 45, 5),
};

/**
 * Axial grid centred on the scanner's x/y isocentre and on `centreZMm`; slice k of
 * the geometry lies at z = origin + k · sliceMm (inferior to superior).
 */
export function gridGeometry(choice: GridChoice, centreZMm: number): ImageGeometry {
  const half = Math.round(((choice.columns - 1) * choice.pixelMm * 1e6) / 2) / 1e6;
  const originZ = centreZMm - ((choice.sliceCount - 1) * choice.sliceMm) / 2;
  const originMm: Vec3 = [-half, -half, Math.round(originZ * 100) / 100];

  return {
    size: [choice.columns, choice.columns, choice.sliceCount],
    spacingMm: [choice.pixelMm, choice.pixelMm, choice.sliceMm],
    originMm,
    direction: [...IDENTITY_DIRECTION],
  };
}

/** z (mm) of slice k, rounded as it is written into Image Position (Patient). */
export function sliceZ(geometry: ImageGeometry, k: number): number {
  return Math.round((geometry.originMm[2] + k * geometry.spacingMm[2]) * 1e6) / 1e6;
}
