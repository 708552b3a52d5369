import { describe, expect, it } from 'vitest';
import type { Vec3 } from '@/server/imaging/image';
import { pairContrastPhases } from '../contrast-pair';
import { enhancementSignal, erodeOnce } from '../enhancement';
import { computeLesionSignals } from '../lesion-signals';
import { at, filled, volume } from './grids';

/** Value per voxel of an n³ grid by the cube shell (Chebyshev distance) it lies in. */
function cubeValues(n: number, from: number, to: number, inner: number, edge: number) {
  const size: Vec3 = [n, n, n];
  const values = filled(size, -850);
  for (let k = from; k <= to; k++) {
    for (let j = from; j <= to; j++) {
      for (let i = from; i <= to; i++) {
        const onEdge = [i, j, k].some((x) => x === from || x === to);
        values[at(size, i, j, k)] = onEdge ? edge : inner;
      }
    }
  }

  return values;
}

const maskOf = (n: number, from: number, to: number) =>
  volume(
    [n, n, n],
    [1, 1, 1],
    cubeValues(n, from, to, 1, 1).map((v) => (v === 1 ? 1 : 0)),
    {
      pixelType: 'uint8',
    },
  );

describe('erodeOnce', () => {
  it('keeps the 2×2×2 core of a 4×4×4 cube and nothing at the image edge', () => {
    const eroded = erodeOnce(maskOf(6, 1, 4));
    const kept = [...eroded.data].flatMap((v, n) => (v ? [n] : []));

    expect(kept).toHaveLength(8);
    expect(kept).toContain(at([6, 6, 6], 2, 2, 2));
    expect(kept).toContain(at([6, 6, 6], 3, 3, 3));
    expect([...erodeOnce(maskOf(3, 0, 2)).data].filter(Boolean)).toHaveLength(1);
  });
});

describe('enhancementSignal', () => {
  // Lesion: the 8×8×8 cube [2, 9] of a 12³ grid of 1 mm voxels, in "lung" at -850 HU.
  // Enhanced CT (same grid): 130 HU inside, 40 HU on the cube's shell (partial volume).
  // Unenhanced CT: 6³ voxels of 2 mm, centres at 0.5, 2.5 … 10.5 mm. Nearest neighbour
  // takes target index t to mask index floor(2t + 0.5 + 0.5) = 2t + 1, so the mask lands
  // on t = 1..4 and its one-voxel erosion on t = 2..3 (8 voxels, centres 4.5 and 6.5 mm,
  // well inside). The unenhanced CT holds 90 HU there and -400 on the t = 1..4 shell.
  // Inner means: 130 on the enhanced CT (6³ = 216 voxels), 90 on the unenhanced: 40 HU.
  const mask = maskOf(12, 2, 9);
  const enhanced = {
    seriesUid: 'ct-venous',
    image: volume([12, 12, 12], [1, 1, 1], cubeValues(12, 2, 9, 130, 40)),
  };
  const unenhanced = {
    seriesUid: 'ct-native',
    image: volume([6, 6, 6], [2, 2, 2], cubeValues(6, 1, 4, 90, -400), {
      originMm: [0.5, 0.5, 0.5],
    }),
  };

  it('subtracts the inner means, leaving the mixed rim out on both grids', () => {
    const result = enhancementSignal({ enhanced, unenhanced }, mask);
    if (!('measured' in result)) throw new Error(result.skipped);

    expect(result.measured.value).toBeCloseTo(40, 9);
    expect(result.measured.voxelCount).toBe(216);
    expect(result.measured.settings).toMatchObject({
      unenhancedSeries: 'ct-native',
      unenhancedVoxelCount: 8,
    });
  });

  it('refuses a lesion with too few voxels inside its edge, saying on which scan', () => {
    const small = maskOf(12, 4, 6);

    expect(enhancementSignal({ enhanced, unenhanced }, small)).toEqual({
      skipped:
        'the lesion keeps 0 voxel(s) inside its edge on the unenhanced CT; at least 4 are ' +
        'needed to measure enhancement',
    });
  });

  it('is reported by computeLesionSignals only when both phases are given', () => {
    const both = computeLesionSignals({
      mask,
      maskSeries: 'ct-venous',
      ct: enhanced,
      contrast: { enhanced, unenhanced },
    });
    const one = computeLesionSignals({ mask, maskSeries: 'ct-venous', ct: enhanced });
    const value = both.values.find((v) => v.signalId === 'ct-enhancement');
    const mentioned = (r: typeof one) =>
      [...r.values, ...r.skipped].some((v) => v.signalId === 'ct-enhancement');

    expect(value).toMatchObject({ unit: 'HU', sourceSeries: 'ct-venous', voxelCount: 216 });
    expect(value!.value).toBeCloseTo(40, 9);
    expect(mentioned(one)).toBe(false);
  });
});

describe('pairContrastPhases', () => {
  const ct = (id: string, phase: string | null, frame: string | null, slices = 100) => ({
    id,
    contrastPhase: phase,
    frameOfReferenceUid: frame,
    instanceCount: slices,
  });
  const venous = ct('venous', 'enhanced', 'F1');
  const native = ct('native', 'unenhanced', 'F1', 40);

  it('pairs the CT the masks lie on with the other phase of its frame', () => {
    const other = ct('other-frame', 'unenhanced', 'F2', 300);

    expect(pairContrastPhases([venous, native, other], venous)).toEqual({
      enhanced: venous,
      unenhanced: native,
    });
    expect(pairContrastPhases([venous, native], native)).toEqual({
      enhanced: venous,
      unenhanced: native,
    });
  });

  it('pairs nothing across frames, with an unknown phase or a missing frame', () => {
    expect(pairContrastPhases([venous, ct('n', 'unenhanced', 'F2')], venous)).toBeNull();
    expect(pairContrastPhases([venous, ct('n', null, 'F1')], venous)).toBeNull();
    expect(pairContrastPhases([ct('v', 'enhanced', null), ct('n', 'unenhanced', null)])).toBeNull();
    expect(pairContrastPhases([venous])).toBeNull();
  });
});
