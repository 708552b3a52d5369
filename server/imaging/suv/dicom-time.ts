/**
 * DICOM DA, TM and DT strings to seconds on one absolute scale. All three are read as
 * the same local clock (as UTC), which is what SUV decay needs: differences between
 * times of one examination. A DT time-zone suffix is dropped, because SeriesTime and
 * AcquisitionTime carry none to compare it with.
 */

function dateSeconds(da: string): number | null {
  const match = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(da.trim());
  if (!match) return null;

  const [, y, m, d] = match.map(Number) as [number, number, number, number];

  return Date.UTC(y, m - 1, d) / 1000;
}

/** "HHMMSS.FFFFFF", the older "HH:MM:SS.frac", or a truncated "HHMM" / "HH". */
function timeSeconds(tm: string): number | null {
  const match = /^(\d{2})(\d{2})?(\d{2}(?:\.\d*)?)?$/.exec(tm.trim().replaceAll(':', ''));
  if (!match) return null;

  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  // 60 allows a leap second, as the TM definition does.
  const seconds = Number(match[3] ?? 0);
  if (hours > 23 || minutes > 59 || seconds >= 61) return null;

  return hours * 3600 + minutes * 60 + seconds;
}

export function dateTimeSeconds(da: string | undefined, tm: string | undefined): number | null {
  if (!da || !tm) return null;

  const date = dateSeconds(da);
  const time = timeSeconds(tm);

  return date === null || time === null ? null : date + time;
}

/** DT "YYYYMMDDHHMMSS.FFFFFF&ZZXX"; the date and at least the hour must be there. */
export function dtSeconds(dt: string | undefined): number | null {
  const value = dt?.trim().replace(/[+-]\d{4}$/, '');
  if (!value || value.length < 10) return null;

  return dateTimeSeconds(value.slice(0, 8), value.slice(8));
}
