/**
 * Where each kind of lesion may sit and what it looks like at baseline. Sizes are
 * semi-axes in mm before the lobed edge; HU and SUV ranges follow typical metastases
 * (soft-tissue density in lung, 20-50 HU above parenchyma in liver, lytic in bone).
 */
import type { Vec3 } from '@/server/imaging/image';
import type { Anatomy, TissueCode } from './anatomy';
import { TISSUE } from './anatomy';

export type Organ = 'lung' | 'liver' | 'lymph-node' | 'bone' | 'soft-tissue';

export const ORGANS: readonly Organ[] = ['lung', 'liver', 'lymph-node', 'bone', 'soft-tissue'];

/** Lesions stay inside this model z band so every timepoint's scan range holds them. */
export const LESION_Z_RANGE_MM: [number, number] = [-78, 83];

export interface OrganSpec {
  semiAxesMm: [Vec3, Vec3];
  edgeAmplitude: [number, number];
  /** Lesion HU, absolute. */
  hu: (anatomyLiverHu: number) => [number, number];
  suvPeak: [number, number];
  /** Every probe of the lesion's bounding sphere must land in one of these. */
  tissues: readonly TissueCode[];
  /** Candidate boxes for the centre: [min, max] corners in the model frame. */
  boxes: (an: Anatomy) => Array<[Vec3, Vec3]>;
}

const [zLow, zHigh] = LESION_Z_RANGE_MM;

export const ORGAN_SPECS: Record<Organ, OrganSpec> = {
  lung: {
    semiAxesMm: [
      [7, 7, 7],
      [16, 15, 16],
    ],
    edgeAmplitude: [0.08, 0.16],
    hu: () => [25, 45],
    suvPeak: [4, 12],
    tissues: [TISSUE.lung],
    boxes: (an) => [
      [
        [-an.lungCx - an.lungA, an.lungCy - an.lungB, zLow],
        [-an.lungCx + an.lungA, an.lungCy + an.lungB, zHigh],
      ],
      [
        [an.lungCx - an.lungA, an.lungCy - an.lungB, zLow],
        [an.lungCx + an.lungA, an.lungCy + an.lungB, zHigh],
      ],
    ],
  },
  liver: {
    semiAxesMm: [
      [9, 9, 9],
      [20, 19, 18],
    ],
    edgeAmplitude: [0.08, 0.16],
    hu: (liverHu) => [liverHu + 20, liverHu + 50],
    suvPeak: [5, 12],
    tissues: [TISSUE.liver],
    boxes: (an) => [
      [
        [an.liverCx - an.liverA, an.liverCy - an.liverB, zLow],
        [an.liverCx + an.liverA, an.liverCy + an.liverB, zHigh],
      ],
    ],
  },
  'lymph-node': {
    semiAxesMm: [
      [6, 5, 8],
      [11, 9, 14],
    ],
    edgeAmplitude: [0.03, 0.07],
    hu: () => [60, 75],
    suvPeak: [3, 8],
    tissues: [TISSUE.soft],
    boxes: () => [
      [
        [-18, -50, 20],
        [18, 30, 80],
      ],
      [
        [-5, 20, -75],
        [35, 50, -10],
      ],
    ],
  },
  bone: {
    semiAxesMm: [
      [5, 5, 5],
      [8, 8, 8],
    ],
    edgeAmplitude: [0.05, 0.1],
    hu: () => [70, 150],
    suvPeak: [4, 9],
    tissues: [TISSUE.marrow, TISSUE.disc],
    boxes: (an) => [
      [
        [-6, an.spineCy - 6, zLow],
        [6, an.spineCy + 6, zHigh],
      ],
    ],
  },
  'soft-tissue': {
    semiAxesMm: [
      [10, 9, 10],
      [20, 18, 20],
    ],
    edgeAmplitude: [0.08, 0.16],
    hu: () => [60, 80],
    suvPeak: [4, 10],
    tissues: [TISSUE.soft],
    boxes: (an) => [
      [
        [-an.bodyAMm, -an.bodyBMm, zLow],
        [an.bodyAMm, an.bodyBMm, zHigh],
      ],
    ],
  },
};
