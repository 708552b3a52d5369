import type { Vec3 } from '@/server/imaging/image';
import type { Roi } from '../roi/prepare';
import type { NamedValue } from '../types';
import { spatialAutocorrelation } from './autocorrelation';
import { ellipsoidArea } from './ellipsoid';
import { convexHull, maximumDiameter } from './hull';
import { meshSummary } from './mesh';
import { positionEigenvalues } from './pca';

function voxelPositions(roi: Roi, voxels: Int32Array): Float64Array {
  const [nx, ny] = roi.size;
  const [sx, sy, sz] = roi.spacingMm;
  const out = new Float64Array(voxels.length * 3);
  for (let k = 0; k < voxels.length; k++) {
    const v = voxels[k]!;
    const x = v % nx;
    const y = ((v - x) / nx) % ny;
    out[3 * k] = x * sx;
    out[3 * k + 1] = y * sy;
    out[3 * k + 2] = ((v - x - nx * y) / (nx * ny)) * sz;
  }

  return out;
}

/** Sum of the voxel positions in mm, each weighted by `weights[k]` (or 1). */
function positionSum(roi: Roi, voxels: Int32Array, weights: Float64Array | null): Vec3 {
  const positions = voxelPositions(roi, voxels);
  const sum: Vec3 = [0, 0, 0];
  for (let k = 0; k < voxels.length; k++) {
    const w = weights ? weights[k]! : 1;
    sum[0] += w * positions[3 * k]!;
    sum[1] += w * positions[3 * k + 1]!;
    sum[2] += w * positions[3 * k + 2]!;
  }

  return sum;
}

/** Distance between the geometric centre (morphological mask) and the intensity centre. */
function centreOfMassShift(roi: Roi): number {
  let count = 0;
  for (let v = 0; v < roi.morphMask.length; v++) count += roi.morphMask[v]!;
  const morphVoxels = new Int32Array(count);
  for (let v = 0, k = 0; v < roi.morphMask.length; v++) if (roi.morphMask[v]) morphVoxels[k++] = v;
  const g = positionSum(roi, morphVoxels, null);
  const w = positionSum(roi, roi.voxels, roi.intensities);
  let total = 0;
  for (let k = 0; k < roi.intensities.length; k++) total += roi.intensities[k]!;

  return Math.hypot(g[0] / count - w[0] / total, g[1] / count - w[1] / total,
    g[2] / count - w[2] / total);
}

function shapeRatios(volume: number, area: number): [string, number][] {
  const sphereTerm = 36 * Math.PI * volume * volume;

  return [
    ['av', area / volume],
    ['comp.1', volume / (Math.sqrt(Math.PI) * area ** 1.5)],
    ['comp.2', sphereTerm / area ** 3],
    ['sph.dispr', area / Math.cbrt(sphereTerm)],
    ['sphericity', Math.cbrt(sphereTerm) / area],
    ['asphericity', Math.cbrt(area ** 3 / sphereTerm) - 1],
  ];
}

function axisFeatures(roi: Roi, volume: number, area: number): [string, number][] {
  const [l1, l2, l3] = positionEigenvalues(roi.morphMask, roi.size, roi.spacingMm);
  const [a, b, c] = [2 * Math.sqrt(l1), 2 * Math.sqrt(l2), 2 * Math.sqrt(l3)];

  return [
    ['pca.major', 2 * a], ['pca.minor', 2 * b], ['pca.least', 2 * c],
    ['pca.elongation', Math.sqrt(l2 / l1)], ['pca.flatness', Math.sqrt(l3 / l1)],
    ['v.dens.aee', (3 * volume) / (4 * Math.PI * a * b * c)],
    ['a.dens.aee', area / ellipsoidArea(a, b, c)],
  ];
}

/** IBSI morphological features; Moran's I and Geary's C only up to `autocorrelationMaxVoxels`. */
export function morphologyFeatures(roi: Roi, autocorrelationMaxVoxels: number): NamedValue[] {
  const mesh = meshSummary({ size: roi.size, spacingMm: roi.spacingMm, mask: roi.morphMask });
  const { volumeMm3: v, areaMm2: a } = mesh;
  const hull = convexHull(mesh.rowExtremes);
  const [bx, by, bz] = mesh.boxMm;
  let morphCount = 0;
  for (const m of roi.morphMask) morphCount += m;
  let meanIntensity = 0;
  for (const x of roi.intensities) meanIntensity += x / roi.intensities.length;
  const voxelMm3 = roi.spacingMm[0] * roi.spacingMm[1] * roi.spacingMm[2];
  const axes = axisFeatures(roi, v, a);

  const values: [string, number][] = [
    ['vol', v], ['approx.vol', morphCount * voxelMm3], ['area', a], ...shapeRatios(v, a),
    ['com', centreOfMassShift(roi)], ['diam', maximumDiameter(mesh.rowExtremes, hull.vertices)],
    ...axes.slice(0, 5),
    ['v.dens.aabb', v / (bx * by * bz)], ['a.dens.aabb', a / (2 * (bx * by + bx * bz + by * bz))],
    ...axes.slice(5),
    ['v.dens.conv.hull', v / hull.volumeMm3], ['a.dens.conv.hull', a / hull.areaMm2],
    ['integ.int', v * meanIntensity],
  ];
  if (roi.voxels.length <= autocorrelationMaxVoxels) {
    const { moranI, gearyC } = spatialAutocorrelation(voxelPositions(roi, roi.voxels),
      roi.intensities);
    values.push(['moran.i', moranI], ['geary.c', gearyC]);
  }

  return values.map(([name, value]) => ({ name: `morph.${name}`, value }));
}
