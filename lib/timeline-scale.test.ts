import { describe, expect, it } from 'vitest';

import { dayOf, timeScale } from './timeline-scale';

describe('timeScale', () => {
  it('maps the first and last date onto the padded edges', () => {
    const scale = timeScale(['2026-01-01', '2026-01-11'], 220, 10);

    expect(scale.x('2026-01-01')).toBe(10);
    expect(scale.x('2026-01-11')).toBe(210);
    // Half-way in days is half-way in pixels: day 6 of 10 -> 10 + 0.5 * 200.
    expect(scale.x('2026-01-06')).toBe(110);
  });

  it('places a month tick on the first of each month in range', () => {
    const scale = timeScale(['2026-01-15', '2026-04-15'], 2000, 0);

    expect(scale.ticks.map((t) => t.label)).toEqual(['Feb 26', 'Mar 26', 'Apr 26']);
    expect(scale.ticks[0]?.x).toBeCloseTo(
      ((dayOf('2026-02-01') - dayOf('2026-01-15')) / 90) * 2000,
    );
  });

  it('thins ticks on a narrow axis over a long span', () => {
    const scale = timeScale(['2024-01-01', '2026-01-01'], 300, 0);

    expect(scale.ticks.length).toBeLessThanOrEqual(5);
    expect(scale.ticks.length).toBeGreaterThan(1);
  });

  it('does not divide by zero for a single date', () => {
    const scale = timeScale(['2026-05-05'], 100, 20);

    expect(scale.x('2026-05-05')).toBe(20);
  });
});
