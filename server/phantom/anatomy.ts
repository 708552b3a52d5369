/**
 * The analytic patient: a chest and upper abdomen built from ellipses and ellipsoids in
 * the model frame (LPS mm: +x patient left, +y posterior, +z head). Evaluated point by
 * point, so every timepoint's image is drawn from the same exact geometry.
 *
 * Known shortcoming: there is no heart, aorta, kidney or posterior vertebral arch, and no
 * breathing motion; organ-specific tests needing those would need them added here.
 */
import type { Rng } from './random';
import { uniform } from './random';

/** Tissue codes index the per-modality value tables. */
export const TISSUE = {
  air: 0,
  fat: 1,
  soft: 2,
  lung: 3,
  liver: 4,
  marrow: 5,
  cortex: 6,
  disc: 7,
} as const;

export type TissueCode = (typeof TISSUE)[keyof typeof TISSUE];

export const TISSUE_COUNT = 8;

export interface Anatomy {
  /** Body elliptic cylinder: semi-axes along x and y, centre y. */
  bodyAMm: number;
  bodyBMm: number;
  bodyCyMm: number;
  fatMm: number;
  /** Two lungs mirrored about x = 0. */
  lungCx: number;
  lungCy: number;
  lungCz: number;
  lungA: number;
  lungB: number;
  lungC: number;
  /** Liver on the patient's right (−x). */
  liverCx: number;
  liverCy: number;
  liverCz: number;
  liverA: number;
  liverB: number;
  liverC: number;
  /** Vertebral column: a cylinder along z with discs every `vertebraPitchMm`. */
  spineCy: number;
  spineRMm: number;
  vertebraPitchMm: number;
  discMm: number;
}

/** Patient habitus scales the cross-section a little; organ heights stay fixed. */
export function sampleAnatomy(rng: Rng, habitus: number): Anatomy {
  const f = habitus;

  return {
    bodyAMm: 150 * f,
    bodyBMm: 105 * f,
    bodyCyMm: 5,
    fatMm: uniform(rng, 10, 18) * f,
    lungCx: 72 * f,
    lungCy: -5,
    lungCz: 55,
    lungA: 48 * f,
    lungB: 66 * f,
    lungC: 85,
    liverCx: -62 * f,
    liverCy: 0,
    liverCz: -45,
    liverA: 66 * f,
    liverB: 72 * f,
    liverC: 62,
    spineCy: 68 * f,
    spineRMm: 17,
    vertebraPitchMm: uniform(rng, 28, 32),
    discMm: 5,
  };
}

function inEllipsoid(dx: number, dy: number, dz: number, a: number, b: number, c: number) {
  return (dx * dx) / (a * a) + (dy * dy) / (b * b) + (dz * dz) / (c * c) <= 1;
}

function spineTissue(an: Anatomy, x: number, y: number, z: number): TissueCode | -1 {
  const dy = y - an.spineCy;
  const r2 = x * x + dy * dy;
  if (r2 > an.spineRMm * an.spineRMm) return -1;

  const phase = z - an.vertebraPitchMm * Math.floor(z / an.vertebraPitchMm);
  if (phase < an.discMm) return TISSUE.disc;
  const inner = an.spineRMm - 2;

  return r2 > inner * inner ? TISSUE.cortex : TISSUE.marrow;
}

/** The tissue at a model-frame point; organs win over soft tissue in a fixed order. */
export function tissueAt(an: Anatomy, x: number, y: number, z: number): TissueCode {
  const by = y - an.bodyCyMm;
  const outer = (x * x) / (an.bodyAMm * an.bodyAMm) + (by * by) / (an.bodyBMm * an.bodyBMm);
  if (outer > 1) return TISSUE.air;

  const ia = an.bodyAMm - an.fatMm;
  const ib = an.bodyBMm - an.fatMm;
  if ((x * x) / (ia * ia) + (by * by) / (ib * ib) > 1) return TISSUE.fat;

  const bone = spineTissue(an, x, y, z);
  if (bone !== -1) return bone;
  const dyl = y - an.liverCy;
  const dzl = z - an.liverCz;
  if (inEllipsoid(x - an.liverCx, dyl, dzl, an.liverA, an.liverB, an.liverC)) {
    return TISSUE.liver;
  }

  return lungAt(an, x, y, z) ? TISSUE.lung : TISSUE.soft;
}

function lungAt(an: Anatomy, x: number, y: number, z: number): boolean {
  const dx = Math.abs(x) - an.lungCx;

  return inEllipsoid(dx, y - an.lungCy, z - an.lungCz, an.lungA, an.lungB, an.lungC);
}
