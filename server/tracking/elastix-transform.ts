/**
 * Turns elastix's transform parameter maps into one AffineTransform (fixed LPS point ↦
 * moving LPS point). Maps come in registration order; with HowToCombineTransforms
 * Compose, elastix applies the first map first: T = T_last ∘ … ∘ T_first.
 */
import type { Vec3 } from '../imaging/image';
import {
  affine, composeMatrices, eulerMatrix, IDENTITY_MATRIX, linearAboutCenter,
  type AffineTransform, type Mat3x4,
} from './affine';
import type { ParameterMap } from './parameter-maps';

function numbers(map: ParameterMap, key: string, count: number): number[] {
  const values = (map[key] ?? []).map(Number);
  if (values.length !== count || values.some((v) => !Number.isFinite(v))) {
    throw new Error(`Elastix returned ${key} with ${values.length} values; expected ${count}.`);
  }

  return values;
}

function centerOf(map: ParameterMap): Vec3 {
  if (!map.CenterOfRotationPoint) return [0, 0, 0];

  return numbers(map, 'CenterOfRotationPoint', 3) as Vec3;
}

function mapToMatrix(map: ParameterMap): Mat3x4 {
  const kind = map.Transform?.[0];
  if (kind === 'TranslationTransform') {
    const t = numbers(map, 'TransformParameters', 3) as Vec3;

    return linearAboutCenter([1, 0, 0, 0, 1, 0, 0, 0, 1], t, [0, 0, 0]);
  }
  if (kind === 'EulerTransform') {
    if (map.ComputeZYX?.[0] === 'true') {
      throw new Error('Euler transforms with ComputeZYX are not supported; leave it false.');
    }
    const p = numbers(map, 'TransformParameters', 6);

    return eulerMatrix(p.slice(0, 3) as Vec3, p.slice(3, 6) as Vec3, centerOf(map));
  }
  if (kind === 'AffineTransform') {
    const p = numbers(map, 'TransformParameters', 12);

    return linearAboutCenter(p.slice(0, 9), p.slice(9, 12) as Vec3, centerOf(map));
  }
  throw new Error(`Elastix returned a ${kind ?? 'missing'} transform; only translation, ` +
    'Euler and affine maps can be turned into one affine matrix.');
}

export function parametersToAffine(maps: ParameterMap[]): AffineTransform {
  let matrix: Mat3x4 = [...IDENTITY_MATRIX];
  for (const map of maps) {
    const combine = map.HowToCombineTransforms?.[0] ?? 'Compose';
    if (combine !== 'Compose') {
      throw new Error(`Elastix combined transforms by ${combine}; only Compose is supported.`);
    }
    matrix = composeMatrices(mapToMatrix(map), matrix);
  }
  const last = maps[maps.length - 1];

  return affine(matrix, last ? centerOf(last) : undefined);
}
