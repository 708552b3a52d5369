import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../../imaging/image';
import {
  affine, composeMatrices, eulerMatrix, inverseTransformPoint, invertMatrix,
  linearAboutCenter, transformPoint, type Mat3x4,
} from '../affine';

function close(a: readonly number[], b: readonly number[], digits = 9): void {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i] ?? NaN, digits));
}

describe('affine maps', () => {
  it('applies A·p + t', () => {
    // A = diag(2, 3, 4), t = (1, −1, 0.5): (1, 1, 1) ↦ (3, 2, 4.5).
    const t = affine([2, 0, 0, 1, 0, 3, 0, -1, 0, 0, 4, 0.5]);

    close(transformPoint(t, [1, 1, 1]), [3, 2, 4.5]);
  });

  it('inverts: the inverse takes the image back to the point', () => {
    const m: Mat3x4 = [2, 0, 0, 1, 0, 3, 0, -1, 0, 0, 4, 0.5];
    // Hand inverse: p = A⁻¹(q − t) = ((q0 − 1)/2, (q1 + 1)/3, (q2 − 0.5)/4).
    close(invertMatrix(m), [0.5, 0, 0, -0.5, 0, 1 / 3, 0, 1 / 3, 0, 0, 0.25, -0.125]);
    close(inverseTransformPoint(affine(m), [3, 2, 4.5]), [1, 1, 1]);
  });

  it('refuses a singular matrix', () => {
    expect(() => invertMatrix([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0])).toThrow(
      'The transform is singular (determinant 0) and cannot be inverted.',
    );
  });

  it('composes outer after inner', () => {
    const shift: Mat3x4 = [1, 0, 0, 5, 0, 1, 0, 0, 0, 0, 1, 0];
    const double: Mat3x4 = [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0];
    // double(shift(p)) = 2p + (10, 0, 0); shift(double(p)) = 2p + (5, 0, 0).
    close(composeMatrices(double, shift), [2, 0, 0, 10, 0, 2, 0, 0, 0, 0, 2, 0]);
    close(composeMatrices(shift, double), [2, 0, 0, 5, 0, 2, 0, 0, 0, 0, 2, 0]);
  });

  it('rotates about z by +90° as R·(p − c) + c + t', () => {
    // Rz(90°) maps (x, y) to (−y, x). Centre (10, 0, 0), t = (0, 0, 3):
    // p = (11, 0, 0) → p − c = (1, 0, 0) → (0, 1, 0) → + c + t = (10, 1, 3).
    const m = eulerMatrix([0, 0, Math.PI / 2], [0, 0, 3], [10, 0, 0]);

    close(transformPoint(affine(m), [11, 0, 0]), [10, 1, 3]);
  });

  it('orders Euler angles as Rz·Rx·Ry', () => {
    // Rx(90°) then Rz(90°) on (0, 1, 0): Ry leaves it, Rx sends it to (0, 0, 1), Rz
    // leaves (0, 0, 1). In the other order (Rx·Rz) it would go to (−1, 0, 0).
    const m = eulerMatrix([Math.PI / 2, 0, Math.PI / 2], [0, 0, 0], [0, 0, 0]);

    close(transformPoint(affine(m), [0, 1, 0]), [0, 0, 1]);
  });

  it('puts a linear map about a centre', () => {
    const centre: Vec3 = [1, 2, 3];
    const m = linearAboutCenter([2, 0, 0, 0, 2, 0, 0, 0, 2], [0, 0, 0], centre);

    close(transformPoint(affine(m), centre), centre);
    close(transformPoint(affine(m), [2, 2, 3]), [3, 2, 3]);
  });
});
