/**
 * Arithmetic and wording shared by the response criteria. Thresholds such as "-30%" land
 * exactly on a boundary in everyday cases (50 mm to 35 mm), and floating point can put
 * such a value a hair on the wrong side, so comparisons allow a tolerance far below any
 * measurement precision.
 */

import { DAY_MS } from '@/lib/dates';

const TOLERANCE = 1e-9;

/** a >= b, forgiving floating-point noise. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - TOLERANCE * Math.max(1, Math.abs(b));
}

/** a > b by more than floating-point noise. */
export function exceeds(a: number, b: number): boolean {
  return a > b + TOLERANCE * Math.max(1, Math.abs(b));
}

/** Percentage change from a reference; undefined when the reference is zero. */
export function percentChange(value: number, reference: number): number | undefined {
  if (reference === 0) return undefined;

  return ((value - reference) / reference) * 100;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;

  return Math.round(value * factor) / factor;
}

function trimmed(value: number, decimals: number): string {
  const text = roundTo(value, decimals).toFixed(decimals);

  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** "58 mm", "57.6 mm". */
export function mm(value: number): string {
  return `${trimmed(value, 1)} mm`;
}

/** "+20.8%", "-30%"; a change from zero has no percentage. */
export function pct(value: number | undefined): string {
  if (value === undefined) return 'n/a (reference is 0)';
  const text = trimmed(value, 1);

  return value > 0 && text !== '0' ? `+${text}%` : `${text}%`;
}

/** "+10 mm", "-4.5 mm". */
export function signedMm(value: number): string {
  const text = trimmed(value, 1);

  return value > 0 && text !== '0' ? `+${text} mm` : `${text} mm`;
}

/** SUL values to two decimals: "3.6", "-0.75". */
export function sul(value: number, signed = false): string {
  const text = trimmed(value, 2);

  return signed && value > 0 && text !== '0' ? `+${text}` : text;
}

/** Whole days from one ISO date to a later one. */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(toDate) - Date.parse(fromDate)) / DAY_MS);
}
