import { describe, expect, it } from 'vitest';

import { computeSuvFactors } from '../factors';
import { janmahasatianLbmKg } from '../lean-body-mass';
import type { PetSuvMetadata } from '../metadata';

const F18_HALF_LIFE_S = 6586.2;

/** 70 kg, 1.75 m man, 370 MBq F-18 at 10:00, scan START at 11:00 (one hour). */
const base: PetSuvMetadata = {
  SeriesDate: '20240301',
  SeriesTime: '110000',
  AcquisitionDate: '20240301',
  AcquisitionTime: '110000',
  PatientWeight: 70,
  PatientSize: 1.75,
  PatientSex: 'M',
  Units: 'BQML',
  DecayCorrection: 'START',
  CorrectedImage: ['ATTN', 'DECY'],
  RadionuclideTotalDose: 370e6,
  RadionuclideHalfLife: F18_HALF_LIFE_S,
  RadiopharmaceuticalStartDateTime: '20240301100000',
};

function factor(meta: Partial<PetSuvMetadata>): number {
  const result = computeSuvFactors([{ ...base, ...meta }]);
  if (!result.available) throw new Error(result.reason);

  return result.suvBwFactor;
}

function reason(meta: Partial<PetSuvMetadata>, instances = 1): string {
  const result = computeSuvFactors(new Array(instances).fill({ ...base, ...meta }));

  return result.available ? 'available' : result.reason;
}

describe('computeSuvFactors decay maths', () => {
  it('is weight in g over dose when no time has passed', () => {
    // 70 000 g / 370e6 Bq.
    const atInjection = factor({ SeriesTime: '100000', AcquisitionTime: '100000' });

    expect(atInjection).toBeCloseTo(70000 / 370e6, 15);
  });

  it('doubles after exactly one half-life', () => {
    // 6586.2 s after 10:00:00 is 11:49:46.2.
    const atInjection = factor({ SeriesTime: '100000', AcquisitionTime: '100000' });
    const oneHalfLife = factor({ SeriesTime: '114946.2', AcquisitionTime: '114946.2' });

    expect(oneHalfLife / atInjection).toBeCloseTo(2, 10);
  });

  it('decays over one hour by 2^(3600 / 6586.2)', () => {
    expect(factor({})).toBeCloseTo((70000 / 370e6) * 2 ** (3600 / F18_HALF_LIFE_S), 15);
  });

  it('ignores the decay for ADMIN', () => {
    expect(factor({ DecayCorrection: 'ADMIN' })).toBeCloseTo(70000 / 370e6, 15);
  });

  it('uses the earliest acquisition when SeriesTime was re-stamped later', () => {
    // Series 12:00 but acquisition 11:00: decay runs one hour, not two.
    expect(factor({ SeriesTime: '120000' })).toBeCloseTo(factor({}), 15);
  });

  it('falls back to RadiopharmaceuticalStartTime on the series date', () => {
    const timeOnly = {
      RadiopharmaceuticalStartDateTime: undefined,
      RadiopharmaceuticalStartTime: '100000',
    };

    expect(factor(timeOnly)).toBeCloseTo(factor({}), 15);
  });

  it('reads a dose written in MBq, and says so', () => {
    const result = computeSuvFactors([{ ...base, RadionuclideTotalDose: 370 }]);

    expect(result.available && result.suvBwFactor).toBeCloseTo(factor({}), 15);
    expect(result.available && result.warnings).toContain(
      'RadionuclideTotalDose 370 read as MBq: too small for Bq.',
    );
  });

  it('corrects each frame separately for DecayCorrection NONE', () => {
    // Frame 1 starts 1 h after injection, frame 2 one half-life later; both last 0 s.
    const frames = [
      { ...base, DecayCorrection: 'NONE', CorrectedImage: ['ATTN'] },
      { ...base, DecayCorrection: 'NONE', CorrectedImage: ['ATTN'], AcquisitionTime: '124946.2' },
    ];
    const result = computeSuvFactors(frames);
    if (!result.available) throw new Error(result.reason);
    const [first = 0, second = 0] = result.instanceSuvBwFactors ?? [];

    expect(first).toBeCloseTo(factor({}), 15);
    expect(second / first).toBeCloseTo(2, 10);
  });

  it('averages decay over a frame for DecayCorrection NONE', () => {
    // A frame of one half-life T: mean activity / start activity = (1 - 1/2) / ln 2.
    const durationMs = F18_HALF_LIFE_S * 1000;
    const frame = { ...base, DecayCorrection: 'NONE', ActualFrameDuration: durationMs };
    const result = computeSuvFactors([frame]);

    expect(result.available && result.suvBwFactor).toBeCloseTo(factor({}) / (0.5 / Math.LN2), 12);
  });

  it('returns 1 for GML and uses the Philips SUVScaleFactor for CNTS', () => {
    expect(factor({ Units: 'GML' })).toBe(1);
    const philips = { SUVScaleFactor: '0.0005 ' };

    expect(factor({ Units: 'CNTS', PhilipsPETPrivateGroup: philips })).toBe(0.0005);
    // Activity scale 2 turns counts into Bq/mL, then the BQML factor applies.
    expect(
      factor({ Units: 'CNTS', PhilipsPETPrivateGroup: { ActivityConcentrationScaleFactor: 2 } }),
    ).toBeCloseTo(2 * factor({}), 15);
  });
});

describe('lean body mass and SUL (Janmahasatian 2005)', () => {
  it('works the formula for a man and a woman', () => {
    // 70 kg, 1.75 m: BMI = 70 / 3.0625 = 22.857.
    // Man: 9270 x 70 / (6680 + 216 x 22.857) = 648900 / 11617.14 = 55.857 kg.
    // Woman: 9270 x 70 / (8780 + 244 x 22.857) = 648900 / 14357.14 = 45.197 kg.
    expect(janmahasatianLbmKg(70, 1.75, 'M')).toBeCloseTo(55.857, 3);
    expect(janmahasatianLbmKg(70, 1.75, 'F')).toBeCloseTo(45.197, 3);
  });

  it('scales the SUVbw factor by LBM / weight', () => {
    const result = computeSuvFactors([base]);
    if (!result.available) throw new Error(result.reason);

    expect(result.leanBodyMassKg).toBeCloseTo(55.857, 3);
    expect(result.sulFactor).toBeCloseTo((result.suvBwFactor * 55.857) / 70, 8);
  });

  it.each([
    [{ PatientSize: undefined }, 'SUL unavailable: PatientSize is missing.'],
    [{ PatientSex: 'O' }, 'SUL unavailable: PatientSex is "O"; the formula needs M or F.'],
    [
      { PatientSex: undefined },
      'SUL unavailable: PatientSex is missing; the formula needs M or F.',
    ],
    [{ PatientSize: 175 }, 'SUL unavailable: PatientSize 175 m is outside 0.3-2.5 m.'],
  ])('keeps SUVbw when SUL cannot be had (%o)', (meta, warning) => {
    const result = computeSuvFactors([{ ...base, ...meta }]);

    expect(result.available && result.sulFactor).toBeNull();
    expect(result.available && result.warnings).toEqual([warning]);
  });
});

describe('computeSuvFactors refusals', () => {
  it.each([
    [{ PatientWeight: undefined }, 'PatientWeight is missing.'],
    [{ PatientWeight: 0.5 }, 'PatientWeight 0.5 kg is outside 1-500 kg.'],
    [{ PatientWeight: 700 }, 'PatientWeight 700 kg is outside 1-500 kg.'],
    [{ RadionuclideTotalDose: undefined }, 'RadionuclideTotalDose is missing.'],
    [{ RadionuclideTotalDose: 0 }, 'RadionuclideTotalDose 0 is not a plausible activity in Bq.'],
    [
      { RadionuclideTotalDose: 5e11 },
      'RadionuclideTotalDose 500000000000 is not a plausible activity in Bq.',
    ],
    [{ RadionuclideHalfLife: undefined }, 'RadionuclideHalfLife is missing.'],
    [{ RadionuclideHalfLife: 0 }, 'RadionuclideHalfLife 0 s is not positive.'],
    [
      { RadiopharmaceuticalStartDateTime: '20240301113000' },
      'RadiopharmaceuticalStartDateTime is after the scan (SeriesTime); ' +
        'check the injection date and time.',
    ],
    [
      { RadiopharmaceuticalStartDateTime: undefined },
      'RadiopharmaceuticalStartDateTime and RadiopharmaceuticalStartTime are ' +
        'missing or unreadable.',
    ],
    [
      { SeriesTime: undefined, AcquisitionTime: undefined },
      'SeriesDate/SeriesTime and AcquisitionTime are missing or unreadable.',
    ],
    [{ Units: undefined }, 'Units is missing.'],
    [{ Units: 'CPS' }, 'Units "CPS" cannot be turned into SUV (BQML, GML or CNTS).'],
    [
      { Units: 'CNTS' },
      'Units is CNTS but the Philips private SUVScaleFactor and ' +
        'ActivityConcentrationScaleFactor are missing.',
    ],
    [{ DecayCorrection: undefined }, 'DecayCorrection is missing.'],
    [{ DecayCorrection: 'RETRO' }, 'DecayCorrection "RETRO" is not START, ADMIN or NONE.'],
    [
      { CorrectedImage: ['DECY'] },
      'CorrectedImage lacks ATTN: the series is not attenuation corrected.',
    ],
  ])('refuses %o', (meta, expected) => {
    expect(reason(meta)).toBe(expected);
  });

  it('refuses an empty list and instances from different series', () => {
    expect(computeSuvFactors([])).toEqual({
      available: false,
      reason: 'No PET instances to compute SUV from.',
    });
    expect(computeSuvFactors([base, { ...base, PatientWeight: 71 }])).toEqual({
      available: false,
      reason: 'Instances disagree on PatientWeight; they are not one PET series.',
    });
  });
});
