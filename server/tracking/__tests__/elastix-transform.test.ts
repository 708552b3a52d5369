import { describe, expect, it } from 'vitest';
import { affine, transformPoint } from '../affine';
import { parametersToAffine } from '../elastix-transform';

describe('elastix parameter maps to one affine', () => {
  it('reads an Euler map about its centre of rotation', () => {
    // Rz(90°) about (10, 0, 0) then t = (1, 0, 0): (11, 0, 0) ↦ (10, 1, 0) + t.
    const t = parametersToAffine([{
      Transform: ['EulerTransform'],
      TransformParameters: ['0', '0', String(Math.PI / 2), '1', '0', '0'],
      CenterOfRotationPoint: ['10', '0', '0'],
    }]);
    const q = transformPoint(t, [11, 0, 0]);

    [11, 1, 0].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 9));
  });

  it('composes maps in registration order: the first map is applied first', () => {
    // First: translate by (5, 0, 0). Then: scale x by 2 about 0. So (1, 0, 0) ↦ 12.
    const t = parametersToAffine([
      { Transform: ['TranslationTransform'], TransformParameters: ['5', '0', '0'] },
      {
        Transform: ['AffineTransform'],
        TransformParameters: ['2', '0', '0', '0', '1', '0', '0', '0', '1', '0', '0', '0'],
        CenterOfRotationPoint: ['0', '0', '0'],
      },
    ]);

    expect(transformPoint(t, [1, 0, 0])[0]).toBeCloseTo(12, 9);
    expect(transformPoint(affine(t.matrix), [0, 7, 0])).toEqual([10, 7, 0]);
  });

  it('rejects a map it cannot express as an affine', () => {
    expect(() => parametersToAffine([{ Transform: ['BSplineTransform'] }])).toThrow(
      'Elastix returned a BSplineTransform transform; only translation, Euler and affine ' +
        'maps can be turned into one affine matrix.',
    );
  });

  it('rejects a map with the wrong number of parameters', () => {
    const map = { Transform: ['EulerTransform'], TransformParameters: ['0', '0'] };

    expect(() => parametersToAffine([map])).toThrow(
      'Elastix returned TransformParameters with 2 values; expected 6.',
    );
  });
});
