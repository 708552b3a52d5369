import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createImage, type ImageVolume } from '@/server/imaging/image';
import { readNifti } from '@/server/imaging/nifti';
import { ibsiCodeOf } from '../catalogue';
import type { FeatureValue } from '../types';

/** The IBSI 1 reference data, outside the repository (see /work/shared/data/README.md). */
export const IBSI_DIR = path.resolve(import.meta.dirname, '../../../../shared/data/ibsi1');
export const IBSI_PRESENT = existsSync(path.join(IBSI_DIR, 'reference_values'));

export interface ReferenceRow {
  code: string;
  tag: string;
  feature: string;
  dataSet: string;
  aggregation: string | null;
  parameter: number | null;
  valueText: string;
  value: number;
  tolerance: number;
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);

  return fields;
}

/**
 * Half a unit in the last printed digit: an empty tolerance means the value is exact to
 * its printed precision ("2.15" allows 0.005, "3.58e5" allows 500).
 */
export function printedPrecision(text: string): number {
  const [mantissa = '', exponent = '0'] = text.toLowerCase().split('e');
  const decimals = mantissa.includes('.') ? mantissa.split('.')[1]!.length : 0;

  return 0.5 * 10 ** (Number(exponent) - decimals);
}

export function loadReferenceRows(): ReferenceRow[] {
  const text = readFileSync(path.join(IBSI_DIR, 'reference_values/ibsi1_reference_values.csv'),
    'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = splitCsvLine(header ?? '');
  const at = (fields: string[], name: string) => fields[columns.indexOf(name)] ?? '';

  // A row without a value (config C compactness 1) had no consensus: nothing to compare.
  return lines.filter((line) => at(splitCsvLine(line), 'value') !== '').map((line) => {
    const f = splitCsvLine(line);
    const tag = at(f, 'tag');
    const valueText = at(f, 'value');
    const tolerance = at(f, 'tolerance');

    return {
      code: at(f, 'ibsi_code') || ibsiCodeOf(tag),
      tag,
      feature: at(f, 'feature'),
      dataSet: at(f, 'data_set'),
      aggregation: at(f, 'aggregation') || null,
      parameter: at(f, 'parameter') ? Number(at(f, 'parameter')) : null,
      valueText,
      value: Number(valueText),
      tolerance: tolerance ? Number(tolerance) : printedPrecision(valueText),
    };
  });
}

function readVolume(relative: string): ImageVolume {
  return readNifti(new Uint8Array(readFileSync(path.join(IBSI_DIR, relative))));
}

/** The manual asks to convert the CT phantom to float and round to integers first. */
function roundedFloat(volume: ImageVolume): ImageVolume {
  return createImage(volume, 'float64', Float64Array.from(volume.data, (x) => Math.round(x)));
}

export function loadDigitalPhantom(): { image: ImageVolume; mask: ImageVolume } {
  return {
    image: readVolume('digital_phantom/image/phantom.nii.gz'),
    mask: readVolume('digital_phantom/mask/mask.nii.gz'),
  };
}

export function loadCtPhantom(): { image: ImageVolume; mask: ImageVolume } {
  return {
    image: roundedFloat(readVolume('ct_phantom_pat1/nifti/image/phantom.nii.gz')),
    mask: roundedFloat(readVolume('ct_phantom_pat1/nifti/mask/mask.nii.gz')),
  };
}

export interface ComparisonRow {
  reference: ReferenceRow;
  got: number | null;
  pass: boolean | null;
}

/** Pair each reference row of a data set with the engine's value; null = not implemented. */
export function compareWithReference(features: FeatureValue[], rows: ReferenceRow[]):
  ComparisonRow[] {
  return rows.map((reference) => {
    const match = features.find((f) => f.ibsiCode === reference.code
      && f.aggregation === reference.aggregation
      && (reference.parameter === null || f.parameter === reference.parameter));
    if (!match) return { reference, got: null, pass: null };

    const pass = Math.abs(match.value - reference.value) <= reference.tolerance * (1 + 1e-9);

    return { reference, got: match.value, pass };
  });
}

function formatNumber(x: number): string {
  return Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3)
    : String(Number(x.toPrecision(5)));
}

/** The pass table: feature, data set, aggregation, expected (± tolerance), got, pass. */
export function formatComparison(rows: ComparisonRow[]): string {
  const lines = rows.map(({ reference: r, got, pass }) => [
    `${r.tag || r.code}${r.parameter === null ? '' : ` (${r.parameter})`}`.padEnd(26),
    r.dataSet.padEnd(16),
    (r.aggregation ?? '-').padEnd(23),
    `${r.valueText} ± ${formatNumber(r.tolerance)}`.padEnd(24),
    (got === null ? '-' : formatNumber(got)).padEnd(12),
    pass === null ? 'not implemented' : pass ? 'pass' : 'FAIL',
  ].join(' '));
  const header = ['feature'.padEnd(26), 'data set'.padEnd(16), 'aggregation'.padEnd(23),
    'expected'.padEnd(24), 'got'.padEnd(12), 'pass'].join(' ');

  return [header, ...lines].join('\n');
}
