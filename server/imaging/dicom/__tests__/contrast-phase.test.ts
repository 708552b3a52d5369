import { describe, expect, it } from 'vitest';
import type { ContrastBolusFields } from '../contrast-fields';
import { contrastPhaseOf } from '../contrast-phase';

function ct(description: string | undefined, contrastBolus?: ContrastBolusFields) {
  return { modality: 'CT', series: { description }, ...(contrastBolus && { contrastBolus }) };
}

describe('contrastPhaseOf', () => {
  it('calls a CT with a contrast agent enhanced, naming the agent', () => {
    expect(contrastPhaseOf(ct('CT chest-abdomen', { agent: 'IOHEXOL' }))).toEqual({
      phase: 'enhanced',
      reason: "Contrast/Bolus Agent 'IOHEXOL'.",
    });
  });

  it.each([
    [{ route: 'IV' }, "Contrast/Bolus Route 'IV'."],
    [{ volumeMl: 90 }, 'Contrast/Bolus Volume 90 ml.'],
    [{ startTime: '101500' }, 'Contrast/Bolus Start Time 101500.'],
  ])('takes %o without an agent as enhanced', (fields, reason) => {
    expect(contrastPhaseOf(ct('Body 2.0', fields))).toEqual({ phase: 'enhanced', reason });
  });

  it.each([
    'CT ABDOMEN NON-CONTRAST',
    'non contrast chest',
    'Thorax unenhanced',
    'CT chest without contrast',
    'ABD W/O CONTRAST',
    'TAP sans contraste',
    'NECT abdomen',
    'Pre-contrast 5mm',
    'Abdomen NATIVE 1.0 Br40',
    'Thorax_nativ',
  ])('reads "%s" as unenhanced', (description) => {
    expect(contrastPhaseOf(ct(description)).phase).toBe('unenhanced');
  });

  it('trusts a description of an unenhanced scan over an agent copied from the exam', () => {
    expect(contrastPhaseOf(ct('Non-contrast abdomen', { agent: 'OMNIPAQUE 350' }))).toEqual({
      phase: 'unenhanced',
      reason:
        "Described as 'Non-contrast' (Contrast/Bolus Agent 'OMNIPAQUE 350' taken as the " +
        "exam's, not this series').",
    });
  });

  it.each(['Portal venous 2mm', 'CT post-contrast', 'Arterial phase', 'Chest with contrast'])(
    'reads "%s" with no contrast elements as enhanced',
    (description) => {
      expect(contrastPhaseOf(ct(description)).phase).toBe('enhanced');
    },
  );

  it('leaves the phase unknown without any sign, since a missing tag proves nothing', () => {
    expect(contrastPhaseOf(ct('CT chest-abdomen'))).toEqual({
      phase: null,
      reason: 'No contrast agent recorded and no phase in the description.',
    });
    expect(contrastPhaseOf(ct(undefined)).phase).toBeNull();
  });

  it('does not take an agent of NONE, a zero volume or oral contrast as enhancement', () => {
    expect(contrastPhaseOf(ct('Abdomen', { agent: 'NONE', volumeMl: 0 })).phase).toBeNull();
    expect(contrastPhaseOf(ct('Abdomen', { agent: 'N/A' })).phase).toBeNull();
    expect(contrastPhaseOf(ct('Abdomen', { agent: 'GASTROGRAFIN', route: 'ORAL' }))).toEqual({
      phase: null,
      reason: "Contrast/Bolus Agent 'GASTROGRAFIN', by mouth only: no intravenous enhancement.",
    });
  });

  it('does not mistake words that merely contain the markers', () => {
    expect(contrastPhaseOf(ct('Connective tissue protocol')).phase).toBeNull();
    expect(contrastPhaseOf(ct('Alternative recon')).phase).toBeNull();
  });

  it('is ambiguous, so unknown, when a description names both phases and no agent', () => {
    expect(contrastPhaseOf(ct('Abdomen with and without contrast')).phase).toBeNull();
  });

  it('gives no phase to other modalities', () => {
    expect(
      contrastPhaseOf({ modality: 'MR', series: {}, contrastBolus: { agent: 'Gd' } }).phase,
    ).toBeNull();
  });
});
