/** Calendar-day arithmetic on ISO dates (yyyy-mm-dd), in UTC so time zones never shift a day. */

export const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 of an ISO date. */
export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** Days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayOf(to) - dayOf(from);
}
