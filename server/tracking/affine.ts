/**
 * Affine maps between patient spaces (LPS, mm).
 *
 * An AffineTransform's `matrix` holds 12 numbers, row-major [a00 a01 a02 t0, a10 a11 a12
 * t1, a20 a21 a22 t2], and maps a point p of the FIXED (baseline) image to the point
 *   q = A · p + t
 * of the MOVING (follow-up) image that shows the same anatomy. This is the direction in
 * which elastix reports its transforms: it samples the moving image at T(p) for every
 * fixed point p. To carry a follow-up finding back to baseline, use the inverse.
 */
import type { Vec3 } from '../imaging/image';

export type Mat3x4 = [
  number, number, number, number,
  number, number, number, number,
  number, number, number, number,
];

export interface AffineTransform {
  kind: 'affine';
  /** Fixed-space LPS point to moving-space LPS point, row-major 3x4 (see above). */
  matrix: Mat3x4;
  /** The centre elastix rotated about (LPS, mm); informative only, already folded in. */
  center?: Vec3;
}

export const IDENTITY_MATRIX: Mat3x4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];

function at(m: readonly number[], index: number): number {
  return m[index] ?? 0;
}

export function affine(matrix: Mat3x4, center?: Vec3): AffineTransform {
  return center ? { kind: 'affine', matrix, center } : { kind: 'affine', matrix };
}

/** Maps a fixed-space point to the moving space. */
export function transformPoint(transform: AffineTransform, point: Vec3): Vec3 {
  return applyMatrix(transform.matrix, point);
}

/** Maps a moving-space point back to the fixed space. */
export function inverseTransformPoint(transform: AffineTransform, point: Vec3): Vec3 {
  return applyMatrix(invertMatrix(transform.matrix), point);
}

export function invertTransform(transform: AffineTransform): AffineTransform {
  const inverted = invertMatrix(transform.matrix);
  const center = transform.center ? applyMatrix(transform.matrix, transform.center) : undefined;

  return affine(inverted, center);
}

export function applyMatrix(m: readonly number[], p: Vec3): Vec3 {
  return [
    at(m, 0) * p[0] + at(m, 1) * p[1] + at(m, 2) * p[2] + at(m, 3),
    at(m, 4) * p[0] + at(m, 5) * p[1] + at(m, 6) * p[2] + at(m, 7),
    at(m, 8) * p[0] + at(m, 9) * p[1] + at(m, 10) * p[2] + at(m, 11),
  ];
}

/** (outer ∘ inner): p ↦ outer(inner(p)). */
export function composeMatrices(outer: readonly number[], inner: readonly number[]): Mat3x4 {
  const result = [...IDENTITY_MATRIX] as Mat3x4;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) {
      let sum = c === 3 ? at(outer, r * 4 + 3) : 0;
      for (let k = 0; k < 3; k++) sum += at(outer, r * 4 + k) * at(inner, k * 4 + c);
      result[r * 4 + c] = sum;
    }
  }

  return result;
}

export function invertMatrix(m: readonly number[]): Mat3x4 {
  const [a, b, c, d, e, f, g, h, i] = [0, 1, 2, 4, 5, 6, 8, 9, 10].map((k) => at(m, k)) as [
    number, number, number, number, number, number, number, number, number,
  ];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  if (Math.abs(det) < 1e-12) {
    throw new Error('The transform is singular (determinant 0) and cannot be inverted.');
  }

  const inv = [
    (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
    (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
    (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det,
  ] as const;
  const t = [at(m, 3), at(m, 7), at(m, 11)] as const;
  const out = [...IDENTITY_MATRIX] as Mat3x4;
  for (let r = 0; r < 3; r++) {
    const row = [inv[r * 3] ?? 0, inv[r * 3 + 1] ?? 0, inv[r * 3 + 2] ?? 0];
    out[r * 4] = row[0] ?? 0;
    out[r * 4 + 1] = row[1] ?? 0;
    out[r * 4 + 2] = row[2] ?? 0;
    out[r * 4 + 3] = -((row[0] ?? 0) * t[0] + (row[1] ?? 0) * t[1] + (row[2] ?? 0) * t[2]);
  }

  return out;
}

/**
 * Rotation about `center` then translation: p ↦ R(p − c) + c + t, with R = Rz·Rx·Ry
 * (ITK's Euler3D order when ComputeZYX is off), angles in radians.
 */
export function eulerMatrix(anglesRad: Vec3, translationMm: Vec3, center: Vec3): Mat3x4 {
  const [cx, cy, cz] = anglesRad.map(Math.cos) as Vec3;
  const [sx, sy, sz] = anglesRad.map(Math.sin) as Vec3;
  const r = [
    cz * cy - sz * sx * sy, -sz * cx, cz * sy + sz * sx * cy,
    sz * cy + cz * sx * sy, cz * cx, sz * sy - cz * sx * cy,
    -cx * sy, sx, cx * cy,
  ];

  return linearAboutCenter(r, translationMm, center);
}

/** p ↦ L(p − c) + c + t for a row-major 3x3 L. */
export function linearAboutCenter(l: readonly number[], t: Vec3, center: Vec3): Mat3x4 {
  const out = [...IDENTITY_MATRIX] as Mat3x4;
  for (let r = 0; r < 3; r++) {
    let offset = center[r] ?? 0;
    for (let k = 0; k < 3; k++) {
      out[r * 4 + k] = at(l, r * 3 + k);
      offset -= at(l, r * 3 + k) * (center[k] ?? 0);
    }
    out[r * 4 + 3] = offset + (t[r] ?? 0);
  }

  return out;
}
