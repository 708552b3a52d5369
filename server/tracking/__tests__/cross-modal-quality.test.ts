/**
 * The cross-modal check on tiny volumes: a CT-like body with dark lungs and an MR-like
 * body with bright ones have the same filled outline, so they agree fully in place and
 * poorly when shifted by a third of the body.
 */
import { describe, expect, it } from 'vitest';

import { createImage, type ImageGeometry, type ImageVolume } from '../../imaging/image';
import { IDENTITY_MATRIX, type Mat3x4 } from '../affine';
import { crossModalQuality, filledBody } from '../cross-modal-quality';
import { bodyThreshold } from '../image-kind';

const geometry: ImageGeometry = {
  size: [12, 12, 3], spacingMm: [1, 1, 1], originMm: [0, 0, 0],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

/** Body: the square 2..9; "lung": the square 4..7 inside it. */
function body(values: { air: number; tissue: number; lung: number }): ImageVolume {
  const image = createImage(geometry, 'float32');
  for (let k = 0; k < 3; k++) {
    for (let j = 0; j < 12; j++) {
      for (let i = 0; i < 12; i++) {
        const inBody = i >= 2 && i <= 9 && j >= 2 && j <= 9;
        const inLung = i >= 4 && i <= 7 && j >= 4 && j <= 7;
        image.data[(k * 12 + j) * 12 + i] =
          inLung ? values.lung : inBody ? values.tissue : values.air;
      }
    }
  }

  return image;
}

const ct = body({ air: -1000, tissue: 40, lung: -850 });
const mr = body({ air: 0, tissue: 1450, lung: 200 });
const count = (v: ImageVolume) => Array.from(v.data).filter((x) => x === 1).length;

describe('cross-modal body check', () => {
  it('fills the lungs of a CT body, and finds an MR body at 5% of its 99th percentile', () => {
    expect(count(filledBody(ct, 'ct'))).toBe(8 * 8 * 3);
    expect(bodyThreshold(mr, 'other')).toBeCloseTo(0.05 * 1450, 9);
    expect(count(filledBody(mr, 'other'))).toBe(8 * 8 * 3);
  });

  it('gives Dice 1 in place and 2/3 when shifted by 4 of 8 mm', () => {
    const inPlace = crossModalQuality({ image: ct, kind: 'ct' }, { image: mr, kind: 'other' },
      [...IDENTITY_MATRIX]);
    const shift: Mat3x4 = [1, 0, 0, 4, 0, 1, 0, 0, 0, 0, 1, 0];
    const shifted = crossModalQuality({ image: ct, kind: 'ct' }, { image: mr, kind: 'other' },
      shift);

    expect(inPlace).toEqual({ bodyOverlapDice: 1, overlapFraction: 1 });
    // Fixed x reads moving x + 4, so fixed columns 8..11 map outside and are not counted.
    // Of columns 0..7: fixed body x = 2..7 (6), moving body x = 0..5 (6), both x = 2..5
    // (4), each over rows 2..9: Dice = 2·4 / (6 + 6) = 2/3.
    expect(shifted.bodyOverlapDice).toBeCloseTo(2 / 3, 9);
    expect(shifted.overlapFraction).toBeCloseTo(8 / 12, 9);
  });
});
