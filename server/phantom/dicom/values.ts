/**
 * Formatting of numbers into DICOM text VRs. A decimal string holds at most 16
 * characters, so values are written with as many significant digits as fit; callers
 * that need to know the exact value a reader will see (rescale slopes) parse it back.
 */

export function formatDs(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a DICOM decimal.`);
  const plain = String(value);
  if (plain.length <= 16) return plain;

  for (let digits = 15; digits > 0; digits--) {
    const text = Number(value.toPrecision(digits)).toString();
    if (text.length <= 16) return text;
  }

  return value.toExponential(6);
}

/** The number a reader gets back from the DS text written for `value`. */
export function dsValue(value: number): number {
  return Number(formatDs(value));
}

export function formatIs(value: number): string {
  if (!Number.isInteger(value)) throw new Error(`IS values must be integers; got ${value}.`);

  return String(value);
}

/** DICOM DA (YYYYMMDD) from an ISO date (YYYY-MM-DD). */
export function dicomDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

/** DICOM TM (HHMMSS) from seconds after midnight; whole seconds. */
export function dicomTime(secondsOfDay: number): string {
  const s = Math.round(secondsOfDay);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);

  return [hh, mm, s % 60].map((v) => String(v).padStart(2, '0')).join('');
}
