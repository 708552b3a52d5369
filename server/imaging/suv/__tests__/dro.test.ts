import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseDicom } from '@/server/imaging/dicom';
import { indexToPoint, type ImageVolume, type Vec3 } from '@/server/imaging/image';
import { readNifti } from '@/server/imaging/nifti/read';
import { referenceDataPresent, SHARED_DATA } from '@/server/testing/shared-data';

import { computeSuvFactors } from '../factors';

const present = referenceDataPresent('pet-suv-dro');
const droRoot = path.join(SHARED_DATA, 'pet-suv-dro');
const dros = present
  ? readdirSync(droRoot, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('DRO_'))
      .map((entry) => entry.name)
  : [];

type Instance = ReturnType<typeof parseDicom>;

interface Plane {
  position: Vec3;
  row: Vec3;
  column: Vec3;
  normal: Vec3;
  spacingMm: [number, number];
  rows: number;
  columns: number;
  /** Stored values x RescaleSlope + RescaleIntercept. */
  values: Float64Array;
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const minus = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/** Each slice's own ImagePositionPatient, ImageOrientationPatient and PixelSpacing. */
function planeOf(instance: Instance): Plane {
  const { imagePositionPatient: p, imageOrientationPatient: o, pixelSpacingMm: s } = instance;
  if (!p || !o || !s) throw new Error(`${instance.source} lacks plane geometry.`);
  const row: Vec3 = [o[0], o[1], o[2]];
  const column: Vec3 = [o[3], o[4], o[5]];
  const slope = instance.rescaleSlope ?? 1;
  const intercept = instance.rescaleIntercept ?? 0;
  const values = Float64Array.from(instance.decodeFrame(0), (v) => v * slope + intercept);
  const { rows, columns } = instance;

  const normal = cross(row, column);

  return { position: p, row, column, normal, spacingMm: s, rows, columns, values };
}

/** The value of the slice pixel nearest a patient point, or null outside every slice. */
function sampleAt(planes: Plane[], point: Vec3): number | null {
  for (const plane of planes) {
    const offset = minus(point, plane.position);
    if (Math.abs(dot(offset, plane.normal)) > 0.01) continue;
    const c = Math.round(dot(offset, plane.row) / plane.spacingMm[1]);
    const r = Math.round(dot(offset, plane.column) / plane.spacingMm[0]);
    if (c < 0 || r < 0 || c >= plane.columns || r >= plane.rows) return null;

    return plane.values[r * plane.columns + c] ?? null;
  }

  return null;
}

/** Rescaled PET values at the centres of the mask's non-zero voxels. */
function valuesInMask(instances: Instance[], mask: ImageVolume): number[] {
  const planes = instances.map(planeOf);
  const [nx, ny] = mask.size;
  const values: number[] = [];
  mask.data.forEach((label, n) => {
    if (label === 0) return;
    const index: Vec3 = [n % nx, Math.floor(n / nx) % ny, Math.floor(n / (nx * ny))];
    const value = sampleAt(planes, indexToPoint(mask, index));
    if (value !== null) values.push(value);
  });

  return values;
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

describe.skipIf(!present)('PET SUV digital reference objects (oncoray/suv_computation)', () => {
  const check = (dro: string) => {
    const folder = path.join(droRoot, dro, 'PT');
    // A plain Uint8Array copy: parseDicom misreads frames of a pooled Node Buffer.
    const instances = readdirSync(folder).map((name) =>
      parseDicom(new Uint8Array(readFileSync(path.join(folder, name))), name),
    );
    const suv = computeSuvFactors(instances.flatMap((instance) => instance.pet ?? []));
    if (!suv.available) throw new Error(`${dro}: ${suv.reason}`);

    const mask = readNifti(readFileSync(path.join(droRoot, dro, 'mask', 'DRO_mask.nii.gz')));
    const values = valuesInMask(instances, mask).map((v) => v * suv.suvBwFactor);
    values.sort((a, b) => a - b);

    expect(values.length).toBeGreaterThan(0);
    // Published expectation for every object, within 1 %.
    expect(Math.abs((values[0] ?? 0) / 0.2 - 1)).toBeLessThan(0.01);
    expect(Math.abs(median(values) / 1.0 - 1)).toBeLessThan(0.01);
    expect(Math.abs((values.at(-1) ?? 0) / 4.0 - 1)).toBeLessThan(0.01);
  };

  it.each(dros)('%s: SUV min 0.20, median 1.00, max 4.00 inside the mask', check);
});
