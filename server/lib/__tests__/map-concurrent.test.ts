import { describe, expect, it } from 'vitest';

import { mapConcurrent } from '../map-concurrent';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapConcurrent', () => {
  it('keeps the order of results whatever order the work finishes in', async () => {
    const out = await mapConcurrent([30, 5, 20, 1], 2, async (ms, i) => {
      await pause(ms);

      return `${i}:${ms}`;
    });

    expect(out).toEqual(['0:30', '1:5', '2:20', '3:1']);
  });

  it('never has more than the limit in flight, and uses all of it', async () => {
    let inFlight = 0;
    let most = 0;
    await mapConcurrent(Array.from({ length: 7 }, (_, i) => i), 3, async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await pause(5);
      inFlight--;
    });

    expect(most).toBe(3);
  });

  it('treats a limit below one as one and copes with no items', async () => {
    let most = 0;
    let inFlight = 0;
    await mapConcurrent([1, 2, 3], 0, async () => {
      most = Math.max(most, ++inFlight);
      await pause(1);
      inFlight--;
    });

    expect(most).toBe(1);
    expect(await mapConcurrent([], 4, async () => 1)).toEqual([]);
  });
});
