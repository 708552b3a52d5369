import { describe, expect, it } from 'vitest';

import { seriesToRegister } from '../series-frames';

const ct = { seriesId: 'ct', frameOfReferenceUid: 'F-CT' };
const s = (seriesId: string, frameOfReferenceUid: string | null, instanceCount = 10,
  modality = 'MR') => ({ seriesId, frameOfReferenceUid, instanceCount, modality });

describe('seriesToRegister', () => {
  it('leaves the CT and series of its frame alone, groups the rest by their frame', () => {
    const groups = seriesToRegister(ct, [
      s('ct', 'F-CT'), s('pet', 'F-CT'), s('adc', 'F-MR', 20), s('ktrans', 'F-MR', 30),
      s('other-ct', 'F-CT2'),
    ]);

    expect(groups.map((g) => g.members.map((m) => m.seriesId))).toEqual([
      ['ktrans', 'adc'], ['other-ct'],
    ]);
  });

  it('tries the CT of a PET/CT session before its PET, whatever their slice counts', () => {
    const groups = seriesToRegister(ct, [
      s('pet', 'F-PETCT', 400, 'PT'), s('low-dose-ct', 'F-PETCT', 120, 'CT'),
    ]);

    expect(groups[0]?.members.map((m) => m.seriesId)).toEqual(['low-dose-ct', 'pet']);
  });

  it('registers each series without a frame on its own', () => {
    const groups = seriesToRegister(ct, [s('a', null), s('b', null)]);

    expect(groups.map((g) => g.members.map((m) => m.seriesId))).toEqual([['a'], ['b']]);
  });

  it('trusts no shared frame when the CT has none', () => {
    const groups = seriesToRegister({ seriesId: 'ct', frameOfReferenceUid: null },
      [s('ct', null), s('pet', 'F-1')]);

    expect(groups.map((g) => g.members.map((m) => m.seriesId))).toEqual([['pet']]);
  });
});
