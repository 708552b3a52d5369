/**
 * RECIST-style diameters from the analytic lesion: on every CT slice plane of the
 * timepoint the lesion's cross-section is traced by rays from the plane point nearest
 * its centre (outermost surface crossing per ray, found by marching inwards and refined by
 * bisection to 0.01 mm). The
 * long axis is the largest Feret diameter over all slices; the short axis is the
 * cross-section's extent perpendicular to it on that same slice.
 *
 * Known shortcoming: rays start at the plane point nearest the lesion centre, so on the
 * thin end slices, where that point can fall outside the section, the near edge is
 * missed; those slices never hold the largest diameter of these near-convex lesions.
 */
import type { ImageGeometry, Vec3 } from '@/server/imaging/image';
import { sliceZ } from './grids';
import { boundingRadiusMm, radialPosition } from './lesion-shape';
import type { LesionModel } from './lesions';
import type { Pose } from './pose';
import { toScanner } from './pose';

export interface AxialDiameters {
  longAxisMm: number;
  shortAxisMm: number;
  /** CT slice k (inferior first) of the measurement. */
  sliceIndex: number;
}

type Point = [number, number];

function outline(
  lesion: LesionModel,
  scale: number,
  pose: Pose,
  centre: Point,
  z: number,
  rays: number,
): Point[] {
  const radius = boundingRadiusMm(lesion.shape, scale) * 1.01;
  const r = pose.rotation;
  const t = pose.translationMm;
  const inside = (d: number, cos: number, sin: number) => {
    // Scanner point back to the model frame: q = Rᵀ(p − t).
    const x = centre[0] + d * cos - t[0];
    const y = centre[1] + d * sin - t[1];
    const w = z - t[2];
    const qx = r[0] * x + r[3] * y + r[6] * w;
    const qy = r[1] * x + r[4] * y + r[7] * w;
    const qz = r[2] * x + r[5] * y + r[8] * w;

    return radialPosition(lesion.shape, scale, qx, qy, qz) < 1;
  };
  // Coarse march for the outermost inside sample, then bisection to 0.01 mm.
  const step = Math.max(0.05, radius / 24);
  const points: Point[] = [];
  for (let m = 0; m < rays; m++) {
    const cos = Math.cos((2 * Math.PI * m) / rays);
    const sin = Math.sin((2 * Math.PI * m) / rays);
    let last = -1;
    for (let d = radius; d >= 0; d -= step) {
      if (inside(d, cos, sin)) {
        last = d;
        break;
      }
    }
    if (last < 0) continue;
    let [low, high] = [last, last + step];
    while (high - low > 0.01) {
      const mid = (low + high) / 2;
      [low, high] = inside(mid, cos, sin) ? [mid, high] : [low, mid];
    }
    points.push([centre[0] + low * cos, centre[1] + low * sin]);
  }

  return points;
}

function hull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0)
        out.pop();
      out.push(p);
    }

    return out.slice(0, -1);
  };

  return sorted.length < 3 ? sorted : [...half(sorted), ...half([...sorted].reverse())];
}

function feret(points: Point[]): { longMm: number; shortMm: number } {
  const h = hull(points);
  let best = { longMm: 0, dx: 1, dy: 0 };
  for (let a = 0; a < h.length; a++) {
    for (let b = a + 1; b < h.length; b++) {
      const dx = h[b]![0] - h[a]![0];
      const dy = h[b]![1] - h[a]![1];
      const d = Math.hypot(dx, dy);
      if (d > best.longMm) best = { longMm: d, dx: dx / d, dy: dy / d };
    }
  }
  const across = h.map((p) => -p[0] * best.dy + p[1] * best.dx);

  return { longMm: best.longMm, shortMm: h.length ? Math.max(...across) - Math.min(...across) : 0 };
}

export function axialDiameters(
  lesion: LesionModel,
  scale: number,
  pose: Pose,
  geometry: ImageGeometry,
): AxialDiameters | null {
  if (scale <= 0) return null;
  const centre: Vec3 = toScanner(pose, lesion.shape.centreMm);
  const radius = boundingRadiusMm(lesion.shape, scale);
  const candidates: Array<{ k: number; longMm: number }> = [];
  for (let k = 0; k < geometry.size[2]; k++) {
    const z = sliceZ(geometry, k);
    if (Math.abs(z - centre[2]) > radius) continue;
    const coarse = feret(outline(lesion, scale, pose, [centre[0], centre[1]], z, 36));
    if (coarse.longMm > 0) candidates.push({ k, longMm: coarse.longMm });
  }
  candidates.sort((a, b) => b.longMm - a.longMm || a.k - b.k);
  let best: AxialDiameters | null = null;
  for (const { k } of candidates.slice(0, 3)) {
    const fine = feret(
      outline(lesion, scale, pose, [centre[0], centre[1]], sliceZ(geometry, k), 360),
    );
    if (!best || fine.longMm > best.longAxisMm)
      best = { longAxisMm: fine.longMm, shortAxisMm: fine.shortMm, sliceIndex: k };
  }

  return best;
}
