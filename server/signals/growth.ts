/**
 * Between-timepoint growth of one lesion. Specific growth rate SGR = ln(V2/V1) / Δt per
 * day; doubling time DT = ln 2 / SGR in days. Spelled-out edge cases:
 * - either volume 0 (absent or vanished lesion): SGR and DT are undefined (null, reason);
 * - V2 = V1: SGR 0 and DT infinite, given as null with the reason 'no change';
 * - shrinking: SGR < 0 and DT < 0; |DT| is then the halving time.
 */
import { DAY_MS } from '@/lib/dates';
import { AppError } from '@/server/lib/errors';

export interface VolumeAt {
  /** ISO date (YYYY-MM-DD) or date-time. */
  date: string;
  volumeMl: number;
}

export interface GrowthInterval {
  fromDate: string;
  toDate: string;
  days: number;
  sgrPerDay: number | null;
  doublingTimeDays: number | null;
  /** Why a value is null; absent when both are numbers. */
  note?: 'no change' | 'volume is zero at one end';
}

function daysBetween(from: string, to: string): number {
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new AppError('BAD_INPUT', `Dates ${from} -> ${to} do not increase.`, {
      userMessage: 'Give the volumes in date order, one per timepoint, with valid dates.',
    });
  }

  return ms / DAY_MS;
}

function interval(a: VolumeAt, b: VolumeAt): GrowthInterval {
  const days = daysBetween(a.date, b.date);
  const base = { fromDate: a.date, toDate: b.date, days };
  if (!(a.volumeMl > 0) || !(b.volumeMl > 0)) {
    return { ...base, sgrPerDay: null, doublingTimeDays: null, note: 'volume is zero at one end' };
  }

  const sgrPerDay = Math.log(b.volumeMl / a.volumeMl) / days;
  if (sgrPerDay === 0) return { ...base, sgrPerDay, doublingTimeDays: null, note: 'no change' };

  return { ...base, sgrPerDay, doublingTimeDays: Math.LN2 / sgrPerDay };
}

/** One interval per consecutive pair of `volumes` (given in date order). */
export function growthSignals(volumes: VolumeAt[]): GrowthInterval[] {
  return volumes.slice(1).map((b, n) => interval(volumes[n]!, b));
}
