import { describe, expect, it } from 'vitest';
import { classifySeries } from '../classify';
import type { DicomInstance } from '../instance';
import type { PetFields } from '../pet-fields';
import { fakeInstance } from './fake-instance';

function header(overrides: Partial<DicomInstance>): DicomInstance {
  return fakeInstance({ position: [0, 0, 0], pixels: new Int16Array(4) }, overrides);
}

function pet(fields: Partial<PetFields>, description?: string): DicomInstance {
  return header({
    modality: 'PT',
    series: { description },
    pet: { PhilipsPETPrivateGroup: {}, ...fields },
  });
}

function mr(overrides: Partial<DicomInstance> = {}, mrFields: Partial<DicomInstance['mr']> = {}) {
  return header({
    modality: 'MR',
    mr: { diffusionBValues: [], realWorldValueMappings: [], ...mrFields },
    ...overrides,
  });
}

describe('classifySeries', () => {
  it('knows CT and SEG by modality and SOP class', () => {
    expect(classifySeries(header({ modality: 'CT' })).seriesType).toBe('CT');
    expect(classifySeries(header({ modality: 'SEG' })).seriesType).toBe('SEG');
    expect(classifySeries(header({ modality: 'US' }))).toEqual({
      seriesType: 'OTHER',
      reason: 'Modality US is not tracked.',
    });
  });

  it.each([
    ['SCT', '35321007', 'FDG'],
    ['SRT', 'C-B1031', 'FDG'],
    ['SCT', '422598008', 'FMISO'],
    ['SCT', '764937002', 'FLT'],
    ['NCIt', 'C118961', 'PSMA'],
    ['DCM', '126758', 'PSMA'],
    ['SCT', '724025002', 'DOTATATE'],
  ])('recognises %s %s as %s', (scheme, code, tracer) => {
    const result = classifySeries(
      pet({ RadiopharmaceuticalCode: { codeValue: code, codingSchemeDesignator: scheme } }),
    );

    expect(result).toEqual({
      seriesType: 'PT',
      tracer,
      reason: `PET, tracer code ${scheme} ${code}.`,
    });
  });

  it('falls back to the radiopharmaceutical name, then the description', () => {
    expect(classifySeries(pet({ Radiopharmaceutical: 'Fludeoxyglucose' })).tracer).toBe('FDG');
    expect(classifySeries(pet({ Radiopharmaceutical: '68Ga-FAPI-46' })).tracer).toBe('FAPI');
    expect(classifySeries(pet({}, 'PET WB 18F-FMISO')).tracer).toBe('FMISO');
    expect(classifySeries(pet({ Radiopharmaceutical: 'Ga68 DOTA-TATE' })).tracer).toBe('DOTATATE');
    expect(classifySeries(pet({ Radiopharmaceutical: 'Rubidium chloride' })).tracer).toBe('OTHER');
  });

  it('tells ADC, Ktrans and DCE MR apart', () => {
    expect(
      classifySeries(mr({ imageType: ['DERIVED', 'PRIMARY', 'DIFFUSION', 'ADC'] })).seriesType,
    ).toBe('MR_ADC');
    expect(classifySeries(mr({ series: { description: 'ep2d_diff_ADC' } })).seriesType).toBe(
      'MR_ADC',
    );
    expect(classifySeries(mr({ series: { description: 'T1 RADCOR' } })).seriesType).toBe('MR');
    expect(classifySeries(mr({ series: { description: 'Ktrans map' } })).seriesType).toBe(
      'MR_DCE_KTRANS',
    );
    expect(classifySeries(mr({ series: { description: 'DCE 3D VIBE' } })).seriesType).toBe(
      'MR_DCE',
    );
    expect(
      classifySeries(mr({}, { numberOfTemporalPositions: 30, contrastBolusAgent: 'Gd' })),
    ).toMatchObject({ seriesType: 'MR_DCE', reason: '30 temporal positions with contrast.' });
    expect(classifySeries(mr({ series: { description: 'T2 TSE AX' } })).seriesType).toBe('MR');
  });

  it('reads ADC units from a real world value mapping', () => {
    const mapping = { units: { codeValue: 'um2/s', codingSchemeDesignator: 'UCUM' } };
    expect(classifySeries(mr({}, { realWorldValueMappings: [mapping] })).seriesType).toBe('MR_ADC');
  });
});
