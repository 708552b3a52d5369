/**
 * Registration residuals against the phantom's ground truth: where the stored
 * baseline ↦ follow-up matrix puts each true lesion centroid, against where the phantom
 * placed it.
 */
import type { Vec3 } from '@/server/imaging/image';
import type { PatientTruth } from '@/server/phantom/ground-truth';
import { affine, transformPoint } from '@/server/tracking/affine';

import type { LesionTable } from '../read-tracks';

type TimepointTruth = PatientTruth['timepoints'][number];

/** Where a baseline-frame point lies in a timepoint's scanner frame: p = R·q + t. */
export function poseOf(t: TimepointTruth, q: Vec3): Vec3 {
  const r = t.pose.rotation;
  const m = t.pose.translationMm;

  return [0, 1, 2].map(
    (a) => r[a * 3]! * q[0] + r[a * 3 + 1]! * q[1] + r[a * 3 + 2]! * q[2] + m[a]!,
  ) as Vec3;
}

/** |T(baseline position) − follow-up position| for every true lesion at every follow-up. */
export function residualsMm(table: LesionTable, p: PatientTruth): number[] {
  const baselineIndex = table.timepoints.findIndex((t) => t.registration.status === 'baseline');
  const base = p.timepoints[baselineIndex]!;
  const out: number[] = [];
  for (const tp of table.timepoints) {
    const matrix = tp.registration.matrix;
    if (tp.registration.status !== 'ok' || !matrix) continue;
    for (const l of p.timepoints[tp.index]!.lesions) {
      if (!l.present || !l.centroidBaselineMm || !l.centroidScannerMm) continue;
      const mapped = transformPoint(affine(matrix), poseOf(base, l.centroidBaselineMm));
      out.push(Math.hypot(...mapped.map((v, a) => v - l.centroidScannerMm![a]!)));
    }
  }

  return out;
}
