/**
 * Layout maths of the patient timeline, kept out of the component so it can be
 * tested: a linear day scale over the scans and therapy periods, padded so the
 * first and last marks do not sit on the edge, and month ticks that stay readable.
 */

import { DAY_MS, dayOf } from './dates';

export { dayOf };

export interface TimeScale {
  x(isoDate: string): number;
  ticks: { x: number; label: string }[];
}

export function timeScale(dates: string[], widthPx: number, padPx = 24): TimeScale {
  const days = dates.map(dayOf).filter((d) => Number.isFinite(d));
  const first = days.length ? Math.min(...days) : 0;
  const last = days.length ? Math.max(...days) : 1;
  const span = Math.max(last - first, 1);
  const usable = widthPx - 2 * padPx;
  const xOfDay = (day: number) => padPx + ((day - first) / span) * usable;

  return {
    x: (iso) => xOfDay(dayOf(iso)),
    ticks: monthTicks(first, last, usable).map((d) => ({
      x: xOfDay(d.day),
      label: d.label,
    })),
  };
}

/** First days of months in range, thinned so that ticks are at least ~70 px apart. */
function monthTicks(firstDay: number, lastDay: number, usablePx: number) {
  const start = new Date(firstDay * DAY_MS);
  const out: { day: number; label: string }[] = [];
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  while (cursor.getTime() / DAY_MS <= lastDay) {
    const label = cursor.toLocaleString('en', { month: 'short', year: '2-digit', timeZone: 'UTC' });
    out.push({ day: Math.round(cursor.getTime() / DAY_MS), label });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  const span = Math.max(lastDay - firstDay, 1);
  const monthsPerTick = Math.max(1, Math.ceil((70 * span) / (30.4 * usablePx)));

  return out.filter((_, i) => i % monthsPerTick === 0);
}
