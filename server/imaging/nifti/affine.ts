/**
 * Small 3x3 helpers for NIfTI orientation: quaternions, the RAS/LPS flip, and splitting
 * a voxel-to-world linear map into spacing and unit directions. Matrices are row-major
 * Mat3 with one column per voxel axis, as in image.ts.
 */
import type { Mat3, Vec3 } from '@/server/imaging/image';

/**
 * NIfTI world space is RAS (+x right, +y anterior), DICOM patient space is LPS: the two
 * differ by negating x and y, so the same operation converts either way.
 */
export function flipRasLps(m: Mat3): Mat3 {
  return [-m[0], -m[1], -m[2], -m[3], -m[4], -m[5], m[6], m[7], m[8]];
}

export function flipRasLpsPoint(p: Vec3): Vec3 {
  return [-p[0], -p[1], p[2]];
}

export function column(m: Mat3, c: number): Vec3 {
  return [m[c] ?? 0, m[3 + c] ?? 0, m[6 + c] ?? 0];
}

/** m · diag(scale): multiplies column c by scale[c]. */
export function scaleColumns(m: Mat3, scale: Vec3): Mat3 {
  const [a, b, c] = scale;

  return [m[0] * a, m[1] * b, m[2] * c, m[3] * a, m[4] * b, m[5] * c, m[6] * a, m[7] * b, m[8] * c];
}

export function determinant(m: Mat3): number {
  return (
    m[0] * (m[4] * m[8] - m[5] * m[7]) -
    m[1] * (m[3] * m[8] - m[5] * m[6]) +
    m[2] * (m[3] * m[7] - m[4] * m[6])
  );
}

const norm = (v: Vec3): number => Math.hypot(v[0], v[1], v[2]);
const dot = (u: Vec3, v: Vec3): number => u[0] * v[0] + u[1] * v[1] + u[2] * v[2];

/** Spacing = column lengths, direction = unit columns; null when a column is zero. */
export function splitColumns(linear: Mat3): { spacingMm: Vec3; direction: Mat3 } | null {
  const lengths = [0, 1, 2].map((c) => norm(column(linear, c))) as Vec3;
  if (lengths.some((length) => !(length > 0) || !Number.isFinite(length))) return null;

  const direction = scaleColumns(linear, [1 / lengths[0], 1 / lengths[1], 1 / lengths[2]]);

  return { spacingMm: lengths, direction };
}

/**
 * Whether the unit columns are mutually perpendicular. 1e-4 absorbs the float32 rounding
 * of NIfTI-1 srow values while still catching a deliberate shear.
 */
export function hasPerpendicularColumns(direction: Mat3, tolerance = 1e-4): boolean {
  const [i, j, k] = [column(direction, 0), column(direction, 1), column(direction, 2)];

  return [dot(i, j), dot(i, k), dot(j, k)].every((d) => Math.abs(d) <= tolerance);
}

/** Rotation of the unit quaternion (a, b, c, d) with a = sqrt(1 - b² - c² - d²) >= 0. */
export function quaternionToRotation(b: number, c: number, d: number): Mat3 {
  const a = Math.sqrt(Math.max(0, 1 - (b * b + c * c + d * d)));

  return [
    a * a + b * b - c * c - d * d,
    2 * (b * c - a * d),
    2 * (b * d + a * c),
    2 * (b * c + a * d),
    a * a + c * c - b * b - d * d,
    2 * (c * d - a * b),
    2 * (b * d - a * c),
    2 * (c * d + a * b),
    a * a + d * d - b * b - c * c,
  ];
}

/**
 * Inverse of quaternionToRotation for a proper rotation (determinant +1). Each branch
 * divides by the largest of the four components, which keeps it well conditioned; the
 * sign is chosen so that a >= 0, as NIfTI stores only b, c and d.
 */
export function rotationToQuaternion(r: Mat3): Vec3 {
  const [r00, r01, r02, r10, r11, r12, r20, r21, r22] = r;
  // 4a², 4b², 4c², 4d² expressed through the diagonal.
  const candidates = [
    1 + r00 + r11 + r22,
    1 + r00 - r11 - r22,
    1 - r00 + r11 - r22,
    1 - r00 - r11 + r22,
  ];
  const best = candidates.indexOf(Math.max(...candidates));
  const q4 = 2 * Math.sqrt(Math.max(candidates[best] ?? 0, 0));
  let q: [number, number, number, number];
  if (best === 0) q = [q4 / 4, (r21 - r12) / q4, (r02 - r20) / q4, (r10 - r01) / q4];
  else if (best === 1) q = [(r21 - r12) / q4, q4 / 4, (r01 + r10) / q4, (r02 + r20) / q4];
  else if (best === 2) q = [(r02 - r20) / q4, (r01 + r10) / q4, q4 / 4, (r12 + r21) / q4];
  else q = [(r10 - r01) / q4, (r02 + r20) / q4, (r12 + r21) / q4, q4 / 4];

  const sign = q[0] < 0 ? -1 : 1;

  return [sign * q[1], sign * q[2], sign * q[3]];
}
