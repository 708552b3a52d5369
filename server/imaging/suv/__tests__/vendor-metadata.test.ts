import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { referenceDataPresent, SHARED_DATA } from '@/server/testing/shared-data';

import { computeSuvFactors } from '../factors';
import type { PetSuvMetadata } from '../metadata';

const folder = path.join(SHARED_DATA, 'pet-suv-vendor-metadata');
const present = referenceDataPresent('pet-suv-vendor-metadata');

function cases(): { file: string; factor: number; tolerance: number; label: string }[] {
  const csv = readFileSync(path.join(folder, 'expected_suvbw_factors.csv'), 'utf8');

  return csv.trim().split('\n').slice(1).map((line) => {
    const [file = '', factor, tolerance, label = ''] = line.split(',');

    return { file, factor: Number(factor), tolerance: Number(tolerance), label };
  });
}

describe.skipIf(!present)('SUVbw factors of real scanner metadata (calculate-suv samples)', () => {
  it.each(present ? cases() : [])('$file: $label', ({ file, factor, tolerance }) => {
    const text = readFileSync(path.join(folder, file), 'utf8');
    const instances = JSON.parse(text) as PetSuvMetadata[];
    const result = computeSuvFactors(instances);

    expect(result.available).toBe(true);
    if (!result.available) return;
    expect(Math.abs(result.suvBwFactor - factor)).toBeLessThanOrEqual(tolerance);
  });
});
