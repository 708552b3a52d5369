/**
 * coveringSegment on hand-made masks: a CT lesion segmented on a 1 mm grid and PET
 * outlines on a 4 mm grid of the same frame, inside it, around it, beside it.
 */
import { describe, expect, it } from 'vitest';

import {
  createImage, IDENTITY_DIRECTION, type ImageVolume, type Vec3,
} from '@/server/imaging/image';

import { coveringSegment } from '../outline-overlap';

/** A ball of `radiusMm` around `centreMm` on a grid of `spacing` mm covering ±40 mm. */
function ball(centreMm: Vec3, radiusMm: number, spacing: number): ImageVolume {
  const n = Math.round(80 / spacing);
  const image = createImage({ size: [n, n, n], spacingMm: [spacing, spacing, spacing],
    originMm: [-40, -40, -40], direction: IDENTITY_DIRECTION }, 'uint8');
  for (let k = 0, v = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++, v++) {
        const p = [i, j, k].map((x) => -40 + x * spacing);
        const d2 = p.reduce((s, x, a) => s + (x - (centreMm[a] ?? 0)) ** 2, 0);
        image.data[v] = d2 <= radiusMm ** 2 ? 1 : 0;
      }
    }
  }

  return image;
}

const lesion = { segmentMaskId: 'seg-1', mask: ball([0, 0, 0], 12, 1) };
const neighbour = { segmentMaskId: 'seg-2', mask: ball([26, 0, 0], 8, 1) };

describe('coveringSegment', () => {
  it('finds the segment an outline inside it repeats (a 41% SUVmax outline)', () => {
    expect(coveringSegment(ball([1, 0, 0], 8, 4), [neighbour, lesion])).toBe('seg-1');
  });

  it('finds the segment an outline spreading past it repeats (an SUV 2.5 outline)', () => {
    expect(coveringSegment(ball([0, 0, 0], 18, 4), [lesion])).toBe('seg-1');
  });

  it('takes the segment sharing most when an outline touches two', () => {
    expect(coveringSegment(ball([4, 0, 0], 10, 4), [neighbour, lesion])).toBe('seg-1');
  });

  it('leaves alone an outline of a lesion that only overlaps the rim of a segment', () => {
    expect(coveringSegment(ball([0, 18, 0], 9, 4), [lesion, neighbour])).toBeNull();
  });

  it('leaves alone an outline where the timepoint has no segment', () => {
    expect(coveringSegment(ball([0, 0, 0], 8, 4), [])).toBeNull();
  });
});
