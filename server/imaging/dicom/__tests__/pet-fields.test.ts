/**
 * PET header fields on the SUV reference objects (shared/data/pet-suv-dro), checked
 * against what DRO_list.csv says each object varies, and shaped like the vendor metadata
 * JSON that SUV code consumes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifySeries } from '../classify';
import { parseDicom } from '../parse';
import type { PetFields } from '../pet-fields';
import { dataFolder } from '@/server/testing/shared-data';

const dro = dataFolder('pet-suv-dro');
const vendor = dataFolder('pet-suv-vendor-metadata');

function firstSlice(id: string) {
  const folder = path.join(dro.folder, id, 'PT');
  const name = readdirSync(folder).sort()[0]!;

  return parseDicom(new Uint8Array(readFileSync(path.join(folder, name))), `${id}/${name}`);
}

const pet = (id: string): PetFields => firstSlice(id).pet!;

describe.skipIf(!dro.present)('PET fields of the SUV reference objects', () => {
  it('reads the default object: BQML, decay corrected to START, F-18', () => {
    const fields = pet('DRO_0_0');

    expect(fields.Units).toBe('BQML');
    expect(fields.DecayCorrection).toBe('START');
    // F-18 half-life is 109.77 min = 6586 s.
    expect(fields.RadionuclideHalfLife).toBeCloseTo(6586, -1);
    expect(fields.RadionuclideCode?.codeValue).toBe('C-111A1');
    expect(fields.PhilipsPETPrivateGroup).toEqual({});
  });

  it('reads units GML and CNTS with the Philips SUV scale factor', () => {
    expect(pet('DRO_2_0').Units).toBe('GML');
    const philips = pet('DRO_2_4');
    expect(philips.Units).toBe('CNTS');
    expect(philips.PhilipsPETPrivateGroup.SUVScaleFactor).toBeGreaterThan(0);
  });

  it('reads decay correction ADMIN', () => {
    expect(pet('DRO_3_1').DecayCorrection).toBe('ADMIN');
  });

  it('keeps injection date-time and time apart, as each object provides', () => {
    expect(pet('DRO_4_0').RadiopharmaceuticalStartTime).toBeUndefined();
    expect(pet('DRO_4_0').RadiopharmaceuticalStartDateTime).toMatch(/^\d{14}/);
    expect(pet('DRO_4_1').RadiopharmaceuticalStartDateTime).toBeUndefined();
    expect(pet('DRO_4_1').RadiopharmaceuticalStartTime).toMatch(/^\d{6}/);
  });

  it('reads the Ga-68 half-life of DRO_5_0', () => {
    // Ga-68 half-life is 67.7 min, about 4060 s.
    expect(pet('DRO_5_0').RadionuclideHalfLife).toBeGreaterThan(4000);
    expect(pet('DRO_5_0').RadionuclideHalfLife).toBeLessThan(4100);
  });

  it('classifies the objects as PET', () => {
    expect(classifySeries(firstSlice('DRO_0_0')).seriesType).toBe('PT');
  });
});

describe.skipIf(!dro.present || !vendor.present)('PET fields against the vendor metadata', () => {
  it('uses the same keywords and value types as the vendor JSON', () => {
    const json = JSON.parse(
      readFileSync(path.join(vendor.folder, 'SIEMENS-instances.json'), 'utf8'),
    ) as Record<string, unknown>[];
    const reference = json[0]!;
    const ours = pet('DRO_0_0') as unknown as Record<string, unknown>;
    const shared = Object.keys(ours).filter((key) => key in reference);

    expect(shared).toEqual(expect.arrayContaining(['SeriesDate', 'Units', 'RadionuclideHalfLife']));
    for (const key of shared) expect([key, typeof ours[key]]).toEqual([key, typeof reference[key]]);
  });
});
