/**
 * Rigid poses. A pose maps a point q of the patient model (the baseline scanner frame,
 * LPS mm) to the scanner frame p of one timepoint:  p = R · q + t.
 * R = Rz(γ) · Ry(β) · Rx(α), angles in degrees about the scanner's x (L), y (P) and z (S)
 * axes, applied first about x, then y, then z (extrinsic).
 */
import type { Mat3, Vec3 } from '@/server/imaging/image';

export interface Pose {
  /** Row-major 3x3 rotation R. */
  rotation: Mat3;
  translationMm: Vec3;
  /** α, β, γ about x, y, z (degrees), composing R as documented above. */
  anglesDeg: Vec3;
}

export const IDENTITY_POSE: Pose = {
  rotation: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  translationMm: [0, 0, 0],
  anglesDeg: [0, 0, 0],
};

function multiply(a: Mat3, b: Mat3): Mat3 {
  const out = new Array<number>(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
    }
  }

  return out as Mat3;
}

export function rotationFromAngles(anglesDeg: Vec3): Mat3 {
  const [a, b, g] = anglesDeg.map((deg) => (deg * Math.PI) / 180) as Vec3;
  const rx: Mat3 = [1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)];
  const ry: Mat3 = [Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)];
  const rz: Mat3 = [Math.cos(g), -Math.sin(g), 0, Math.sin(g), Math.cos(g), 0, 0, 0, 1];

  return multiply(rz, multiply(ry, rx));
}

export function makePose(anglesDeg: Vec3, translationMm: Vec3): Pose {
  return { rotation: rotationFromAngles(anglesDeg), translationMm, anglesDeg };
}

/** Model (baseline) frame to scanner frame. */
export function toScanner(pose: Pose, q: Vec3): Vec3 {
  const r = pose.rotation;
  const t = pose.translationMm;

  return [
    r[0] * q[0] + r[1] * q[1] + r[2] * q[2] + t[0],
    r[3] * q[0] + r[4] * q[1] + r[5] * q[2] + t[1],
    r[6] * q[0] + r[7] * q[1] + r[8] * q[2] + t[2],
  ];
}

/** Scanner frame to model (baseline) frame: q = Rᵀ · (p − t). */
export function toModel(pose: Pose, p: Vec3): Vec3 {
  const r = pose.rotation;
  const x = p[0] - pose.translationMm[0];
  const y = p[1] - pose.translationMm[1];
  const z = p[2] - pose.translationMm[2];

  return [
    r[0] * x + r[3] * y + r[6] * z,
    r[1] * x + r[4] * y + r[7] * z,
    r[2] * x + r[5] * y + r[8] * z,
  ];
}
