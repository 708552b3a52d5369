/**
 * A patient's lesions: their kind, shape, place and course. Placement is rejection
 * sampling inside the organ: the lesion's bounding sphere at its largest must lie in
 * the organ's tissue (checked at probe points) and clear of every other lesion, except
 * the deliberate close pair whose bounding spheres sit a few millimetres apart.
 */
import type { Mat3, Vec3 } from '@/server/imaging/image';
import type { Anatomy } from './anatomy';
import { tissueAt } from './anatomy';
import type { Behaviour, Course } from './behaviour';
import { largestScale, planCourse } from './behaviour';
import type { LesionShape } from './lesion-shape';
import { boundingRadiusMm, SPHERE_PROBES } from './lesion-shape';
import type { Organ } from './organs';
import { LESION_Z_RANGE_MM, ORGAN_SPECS } from './organs';
import { rotationFromAngles } from './pose';
import type { Rng } from './random';
import { pick, uniform } from './random';

export interface ResistantCore {
  centreMm: Vec3;
  radiusMm: number;
  suvPeak: number;
  adc: number;
  ktransPerMin: number;
  fmisoSuv: number;
}

export interface LesionModel {
  id: string;
  organ: Organ;
  behaviour: Behaviour;
  shape: LesionShape;
  course: Course;
  hu: number;
  core: ResistantCore | null;
  /** The other lesion of a close pair. */
  closeToId: string | null;
}

const PLACEMENT_TRIES = 400;
const SEPARATION_MM = 6;

function unitVector(rng: Rng): Vec3 {
  const z = uniform(rng, -1, 1);
  const phi = uniform(rng, 0, 2 * Math.PI);
  const r = Math.sqrt(1 - z * z);

  return [r * Math.cos(phi), r * Math.sin(phi), z];
}

function sampleShape(rng: Rng, organ: Organ, large: boolean): Omit<LesionShape, 'centreMm'> {
  const spec = ORGAN_SPECS[organ];
  const [low, high] = spec.semiAxesMm;
  const from = large ? 0.6 : 0;
  const semiAxesMm = low.map((v, i) => v + (high[i]! - v) * uniform(rng, from, 1)) as Vec3;
  const weights = [rng.next() + 0.2, rng.next() + 0.2, rng.next() + 0.2];
  const total = weights[0]! + weights[1]! + weights[2]!;
  const lobes = weights.map((w) => ({
    direction: unitVector(rng),
    frequency: uniform(rng, 2, 4),
    phase: uniform(rng, 0, 2 * Math.PI),
    weight: w / total,
  }));
  const angles: Vec3 = [uniform(rng, 0, 360), uniform(rng, 0, 360), uniform(rng, 0, 360)];
  // Lymph nodes keep their long axis roughly cranio-caudal, as nodes do.
  const axes: Mat3 =
    organ === 'lymph-node' ? rotationFromAngles([0, 0, angles[2]]) : rotationFromAngles(angles);

  return { axes, semiAxesMm, edgeAmplitude: uniform(rng, ...spec.edgeAmplitude), lobes };
}

export interface Placed {
  centreMm: Vec3;
  radiusMm: number;
}

function fits(an: Anatomy, organ: Organ, centre: Vec3, radiusMm: number): boolean {
  const [zLow, zHigh] = LESION_Z_RANGE_MM;
  if (centre[2] - radiusMm < zLow || centre[2] + radiusMm > zHigh) return false;

  const allowed = ORGAN_SPECS[organ].tissues as readonly number[];
  const inOrgan = (p: Vec3) => allowed.includes(tissueAt(an, p[0], p[1], p[2]));
  if (!inOrgan(centre)) return false;

  return SPHERE_PROBES.every((n) =>
    [1.05, 0.6].every((f) =>
      inOrgan([0, 1, 2].map((i) => centre[i]! + n[i]! * radiusMm * f) as Vec3),
    ),
  );
}

function clearOf(others: Placed[], centre: Vec3, radiusMm: number, gapMm = SEPARATION_MM) {
  return others.every((o) => {
    const d = Math.hypot(
      o.centreMm[0] - centre[0],
      o.centreMm[1] - centre[1],
      o.centreMm[2] - centre[2],
    );

    return d >= o.radiusMm + radiusMm + gapMm;
  });
}

function sampleCentre(rng: Rng, an: Anatomy, organ: Organ): Vec3 {
  const [min, max] = pick(rng, ORGAN_SPECS[organ].boxes(an));

  return [uniform(rng, min[0], max[0]), uniform(rng, min[1], max[1]), uniform(rng, min[2], max[2])];
}

/** A centre for a lesion of bounding radius `radiusMm`, or null if the organ is full. */
export function findPlace(
  rng: Rng,
  an: Anatomy,
  organ: Organ,
  radiusMm: number,
  others: Placed[],
): Vec3 | null {
  for (let attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
    const centre = sampleCentre(rng, an, organ);
    if (fits(an, organ, centre, radiusMm) && clearOf(others, centre, radiusMm)) return centre;
  }

  return null;
}

/** A centre whose bounding sphere sits `gapMm` from the partner's, or null. */
export function findPlaceBeside(
  rng: Rng,
  an: Anatomy,
  organ: Organ,
  radiusMm: number,
  partner: Placed,
  others: Placed[],
): Vec3 | null {
  for (let attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
    const gapMm = uniform(rng, 2, 4);
    const direction = unitVector(rng);
    const distance = partner.radiusMm + radiusMm + gapMm;
    const centre = partner.centreMm.map((c, i) => c + direction[i]! * distance) as Vec3;
    if (fits(an, organ, centre, radiusMm) && clearOf(others, centre, radiusMm)) return centre;
  }

  return null;
}

export function boundingOf(shape: LesionShape, course: Course): number {
  return boundingRadiusMm(shape, largestScale(course));
}

export { planCourse, sampleShape };
