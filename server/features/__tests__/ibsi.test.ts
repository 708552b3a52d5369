import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../engine';
import { FEATURE_PRESETS, type FeaturePresetName } from '../presets';
import {
  compareWithReference,
  formatComparison,
  IBSI_DIR,
  IBSI_PRESENT,
  loadCtPhantom,
  loadDigitalPhantom,
  loadReferenceRows,
  type ComparisonRow,
} from './ibsiReference';

if (!IBSI_PRESENT) {
  if (process.env.CI === 'true') throw new Error(`IBSI reference data missing at ${IBSI_DIR}.`);
  console.warn(`Skipping the IBSI reference tests: no data at ${IBSI_DIR}.`);
}

function report(title: string, rows: ComparisonRow[]): void {
  const missing = rows.filter((r) => r.pass === null).map((r) => r.reference.tag);
  console.log(`\n${title}\n${formatComparison(rows)}\n`
    + `not implemented: ${[...new Set(missing)].join(', ') || 'none'}`);
}

const CT_CONFIGS: [string, FeaturePresetName][] = [
  ['config_A', 'ibsi-config-a'],
  ['config_B', 'ibsi-config-b'],
  ['config_C', 'ibsi-config-c'],
  ['config_D', 'ibsi-config-d'],
  ['config_E', 'ibsi-config-e'],
];

describe.skipIf(!IBSI_PRESENT)('IBSI 1 reference values', () => {
  it('matches every digital phantom reference value', () => {
    const rows = loadReferenceRows().filter((r) => r.dataSet === 'digital_phantom');
    const { image, mask } = loadDigitalPhantom();
    const result = computeFeatures(image, mask, FEATURE_PRESETS['ibsi-digital-phantom']);
    const comparison = compareWithReference(result.features, rows);
    report('IBSI digital phantom', comparison);

    expect(result.voxelCount).toBe(74);
    expect(comparison.filter((r) => r.pass === false)).toEqual([]);
    expect(comparison.filter((r) => r.pass === null)).toEqual([]);
  });

  describe('CT phantom', () => {
    const ct = IBSI_PRESENT ? loadCtPhantom() : null;

    it.each(CT_CONFIGS)('matches the %s reference values', (dataSet, preset) => {
      const rows = loadReferenceRows().filter((r) => r.dataSet === dataSet);
      // Moran's I and Geary's C are quadratic; up to 50k voxels they run here (B to E, about
      // 10 s each), config A's 115k voxels would take a minute and are reported as skipped.
      const result = computeFeatures(ct!.image, ct!.mask,
        { ...FEATURE_PRESETS[preset], autocorrelationMaxVoxels: 50_000 });
      const comparison = compareWithReference(result.features, rows);
      report(`IBSI CT phantom, ${dataSet}`, comparison);

      const failures = comparison.filter((r) => r.pass === false).map((r) =>
        `${r.reference.tag} ${r.reference.aggregation ?? ''}: expected ${r.reference.valueText}`
        + ` ± ${r.reference.tolerance}, got ${r.got}`);
      expect(failures).toEqual([]);
    });
  });
});
