import { describe, expect, it } from 'vitest';
import { assembleVolume } from '../volume/assemble';
import { isDicomRejection } from '../rejection';
import { fakeInstance, flatSlice } from './fake-instance';

function rejectionOf(run: () => unknown) {
  try {
    run();
  } catch (err) {
    if (isDicomRejection(err)) return err;
    throw err;
  }
  throw new Error('expected a DicomRejection');
}

describe('assembleVolume ordering and spacing', () => {
  it('sorts by position along the normal, not by the order given', () => {
    const shuffled = [flatSlice(6, 3), flatSlice(0, 1), flatSlice(3, 2)];
    const { volume, report } = assembleVolume(shuffled);

    expect(Array.from(volume.data)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    expect(volume.originMm).toEqual([0, 0, 0]);
    expect(report.sliceSpacingMm).toBe(3);
    expect(volume.spacingMm).toEqual([0.8, 0.5, 3]);
    expect(report.missingSlices).toBe(0);
    expect(report.unevenSpacing).toBe(false);
  });

  it('sorts a feet-first stack whose normal points down by its projection', () => {
    // Row (1,0,0) x column (0,-1,0) = (0,0,-1): higher z is *earlier* along the normal.
    const flipped: [number, number, number, number, number, number] = [1, 0, 0, 0, -1, 0];
    const slices = [0, 2, 4].map((z) => flatSlice(z, z, { orientation: flipped }));
    const { volume } = assembleVolume(slices);

    expect(volume.originMm).toEqual([0, 0, 4]);
    expect(Array.from(volume.data.slice(0, 1))).toEqual([4]);
    expect(volume.direction).toEqual([1, 0, 0, 0, -1, 0, 0, 0, -1]);
  });

  it('counts missing slices from a gap of several spacings', () => {
    // Gaps 2, 2, 6, 2: median 2, the 6 mm gap hides two slices.
    const slices = [0, 2, 4, 10, 12].map((z) => flatSlice(z, 1));
    const { report } = assembleVolume(slices);

    expect(report.sliceSpacingMm).toBe(2);
    expect(report.missingSlices).toBe(2);
    expect(report.warnings[0]).toMatch(/^2 slice\(s\) appear to be missing/);
  });

  it('reports uneven spacing', () => {
    const { report } = assembleVolume([0, 2, 4, 6.5, 8.5].map((z) => flatSlice(z, 1)));

    expect(report.unevenSpacing).toBe(true);
  });

  it('measures gantry tilt from the drift of positions off the normal', () => {
    // Each 5 mm step along z also moves 5*tan(15deg) mm along y: a 15 degree tilt.
    const shift = 5 * Math.tan((15 * Math.PI) / 180);
    const slices = [0, 1, 2].map((k) =>
      fakeInstance({ position: [0, k * shift, 5 * k], pixels: new Int16Array(4) }),
    );
    const { report } = assembleVolume(slices);

    expect(report.gantryTiltDeg).toBeCloseTo(15, 6);
    expect(report.sliceSpacingMm).toBeCloseTo(5, 9);
    expect(report.warnings.some((w) => w.startsWith('Gantry tilt of 15.00 degrees'))).toBe(true);
  });
});

describe('assembleVolume rescale', () => {
  it('keeps CT int16 when the slope is 1 and the intercept whole', () => {
    const { volume } = assembleVolume(
      [0, 1].map((z) => flatSlice(z, 1000, { slope: 1, intercept: -1024 })),
    );

    expect(volume.pixelType).toBe('int16');
    expect(Array.from(volume.data)).toEqual(new Array(8).fill(-24));
  });

  it('applies each PET slice its own slope and returns float32', () => {
    const slices = [
      flatSlice(0, 100, { slope: 0.5, intercept: 0 }),
      flatSlice(4, 100, { slope: 2.25, intercept: 0 }),
    ];
    const { volume } = assembleVolume(slices);

    expect(volume.pixelType).toBe('float32');
    expect(Array.from(volume.data)).toEqual([50, 50, 50, 50, 225, 225, 225, 225]);
  });
});

describe('assembleVolume refuses mixed series', () => {
  it('rejects a slice with another orientation', () => {
    const sagittal: [number, number, number, number, number, number] = [0, 1, 0, 0, 0, -1];
    const err = rejectionOf(() =>
      assembleVolume([flatSlice(0, 1), flatSlice(1, 1, { orientation: sagittal })]),
    );

    expect(err.code).toBe('INCONSISTENT_SERIES');
    expect(err.reason).toMatch(/^its orientation differs from z=0 in the same series/);
  });

  it('rejects a slice of another size', () => {
    const big = fakeInstance({
      position: [0, 0, 1],
      pixels: new Int16Array(9),
      rows: 3,
      columns: 3,
    });
    const err = rejectionOf(() => assembleVolume([flatSlice(0, 1), big]));

    expect(err.reason).toMatch(/^its image size differs/);
  });

  it('rejects two slices at one position (several volumes in one series)', () => {
    const err = rejectionOf(() =>
      assembleVolume([flatSlice(0, 1), flatSlice(0, 2, { source: 'b' })]),
    );

    expect(err.reason).toMatch(/same position/);
  });

  it('keeps AXIAL direction cosines as matrix columns', () => {
    const { volume } = assembleVolume([flatSlice(0, 1), flatSlice(1, 1)]);

    expect(volume.direction).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
});
