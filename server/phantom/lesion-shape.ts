/**
 * A lesion's shape: an oriented ellipsoid whose surface radius is modulated by a few
 * smooth lobes, giving a blob with an irregular edge. In the lesion's normalised frame
 * u = diag(1/(s·a)) · Lᵀ · (q − c), a point is inside when |u| < 1 + A · g(u/|u|), where
 * g is a weighted sum of cosines of the direction (|g| ≤ 1). The shape is star-shaped
 * about c, so volume and centroid follow from integrals over the unit sphere.
 */
import type { Mat3, Vec3 } from '@/server/imaging/image';

export interface Lobe {
  direction: Vec3;
  frequency: number;
  phase: number;
  weight: number;
}

export interface LesionShape {
  centreMm: Vec3;
  /** Columns are the lesion's own axes in the model frame (row-major). */
  axes: Mat3;
  semiAxesMm: Vec3;
  /** A in the formula above; lobes' weights sum to 1. */
  edgeAmplitude: number;
  lobes: Lobe[];
}

function edgeRadius(shape: LesionShape, nx: number, ny: number, nz: number): number {
  let g = 0;
  for (const lobe of shape.lobes) {
    const d = lobe.direction;
    g += lobe.weight * Math.cos(lobe.frequency * (nx * d[0] + ny * d[1] + nz * d[2]) + lobe.phase);
  }

  return 1 + shape.edgeAmplitude * g;
}

/**
 * Where a model-frame point sits radially in the lesion scaled by `scale`: 0 at the
 * centre, 1 on the surface; a value of 1 or more means outside.
 */
export function radialPosition(
  shape: LesionShape,
  scale: number,
  x: number,
  y: number,
  z: number,
): number {
  const [cx, cy, cz] = shape.centreMm;
  const m = shape.axes;
  const dx = x - cx;
  const dy = y - cy;
  const dz = z - cz;
  const ux = (m[0] * dx + m[3] * dy + m[6] * dz) / (scale * shape.semiAxesMm[0]);
  const uy = (m[1] * dx + m[4] * dy + m[7] * dz) / (scale * shape.semiAxesMm[1]);
  const uz = (m[2] * dx + m[5] * dy + m[8] * dz) / (scale * shape.semiAxesMm[2]);
  const rho2 = ux * ux + uy * uy + uz * uz;
  const limit = 1 + shape.edgeAmplitude;
  if (rho2 >= limit * limit) return Infinity;
  if (rho2 === 0) return 0;

  const rho = Math.sqrt(rho2);

  return rho / edgeRadius(shape, ux / rho, uy / rho, uz / rho);
}

/** Radius of a sphere about the centre that holds the whole scaled lesion. */
export function boundingRadiusMm(shape: LesionShape, scale: number): number {
  return scale * Math.max(...shape.semiAxesMm) * (1 + shape.edgeAmplitude);
}

/** Fibonacci-sphere directions: near-uniform, deterministic, equal weights. */
function sphereDirections(count: number): Vec3[] {
  const golden = Math.PI * (3 - Math.sqrt(5));

  return Array.from({ length: count }, (_, i) => {
    const z = 1 - (2 * (i + 0.5)) / count;
    const r = Math.sqrt(1 - z * z);

    return [r * Math.cos(golden * i), r * Math.sin(golden * i), z] as Vec3;
  });
}

const QUADRATURE = sphereDirections(8192);

export interface AnalyticMoments {
  volumeMl: number;
  centroidMm: Vec3;
}

/**
 * Volume = s³·abc·∮ R(n)³/3 dΩ and centroid offset (in u) = ∮ R(n)⁴/4 · n dΩ / ∮ R(n)³/3
 * dΩ, integrated with the Fibonacci rule (relative error well under 1e-4 for these
 * smooth radii), then mapped back through the lesion axes to the model frame.
 */
export function analyticMoments(shape: LesionShape, scale: number): AnalyticMoments {
  const unit = unitMoments(shape);
  const offset = unit.offsetU.map((v, i) => v * scale * shape.semiAxesMm[i]!) as Vec3;
  const m = shape.axes;
  const centroidMm = [0, 1, 2].map(
    (row) =>
      shape.centreMm[row]! +
      m[row * 3]! * offset[0] +
      m[row * 3 + 1]! * offset[1] +
      m[row * 3 + 2]! * offset[2],
  ) as Vec3;
  const [a, b, c] = shape.semiAxesMm;

  return { volumeMl: (unit.volumeU * a * b * c * scale ** 3) / 1000, centroidMm };
}

/** Volume and centroid offset in the normalised frame u; scaling only stretches them. */
const UNIT_MOMENTS = new WeakMap<LesionShape, { volumeU: number; offsetU: Vec3 }>();

function unitMoments(shape: LesionShape): { volumeU: number; offsetU: Vec3 } {
  const cached = UNIT_MOMENTS.get(shape);
  if (cached) return cached;

  let volumeSum = 0;
  const moment = [0, 0, 0];
  for (const n of QUADRATURE) {
    const r = edgeRadius(shape, n[0], n[1], n[2]);
    volumeSum += r ** 3 / 3;
    for (let i = 0; i < 3; i++) moment[i]! += (r ** 4 / 4) * n[i]!;
  }
  const solidAngle = (4 * Math.PI) / QUADRATURE.length;
  const moments = {
    volumeU: volumeSum * solidAngle,
    offsetU: moment.map((v) => v / volumeSum) as Vec3,
  };
  UNIT_MOMENTS.set(shape, moments);

  return moments;
}

export const SPHERE_PROBES = sphereDirections(96);
