import { describe, expect, it } from 'vitest';

import { alignmentWarning, registrationTitle } from './registration-title';

const quality = {
  finalMetric: 0.9412, iterations: 1500, bodyOverlapDice: 0.9731, overlapFraction: 0.88,
  durationMs: 9280, engine: 'native' as const,
};

describe('registrationTitle', () => {
  it('gives a registration its quality record and the engine that ran', () => {
    expect(registrationTitle({ status: 'ok', reason: null, quality }, 'the baseline CT'))
      .toBe('Registered to the baseline CT by elastix (native command). Body overlap ' +
        'Dice 0.973, 88% of the reference inside this image, intensity correlation 0.941, ' +
        '1500 iterations, 9.3 s.');
  });

  it('reads a record made before the engine was kept as the WebAssembly build', () => {
    const { engine: _, ...older } = quality;

    expect(registrationTitle({ status: 'ok', reason: null, quality: older }, 'the CT'))
      .toContain('by elastix (WebAssembly).');
  });

  it('leads a failure with its reason, then what the last attempt measured', () => {
    const title = registrationTitle({
      status: 'failed', reason: 'Body overlap 0.41 is below 0.8.',
      quality: { ...quality, finalMetric: null },
    }, 'the baseline CT');

    expect(title).toBe('Body overlap 0.41 is below 0.8. Last attempt: body overlap Dice ' +
      '0.973, 88% of the reference inside this image, 1500 iterations, 9.3 s.');
  });

  it('says what the baseline is, and when nothing ran yet', () => {
    expect(registrationTitle({ status: 'baseline', reason: null, quality: null }, 'x'))
      .toMatch(/^Baseline/);
    expect(registrationTitle({ status: 'not-run', reason: null, quality: null }, 'x'))
      .toBe('Not tracked yet.');
  });
});

describe('alignmentWarning', () => {
  it('warns only where the registration failed, and says why', () => {
    const failed = { status: 'failed', reason: 'Body overlap 0.41 is below 0.8.', quality: null };

    expect(alignmentWarning(failed)).toBe('Shown by scanner coordinates, not registered: ' +
      'Body overlap 0.41 is below 0.8.');
    expect(alignmentWarning({ status: 'ok', reason: null, quality })).toBeNull();
    expect(alignmentWarning({ status: 'baseline', reason: null, quality: null })).toBeNull();
  });
});
