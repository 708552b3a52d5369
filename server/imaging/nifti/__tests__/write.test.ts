import { describe, expect, it } from 'vitest';

import {
  createImage,
  indexToPoint,
  type ImageGeometry,
  type Mat3,
  type PixelType,
} from '@/server/imaging/image';

import { readNifti } from '../read';
import { writeNifti } from '../write';

const c = Math.cos(0.3);
const s = Math.sin(0.3);
/** Rotation of 0.3 rad about LPS x, then a flip of k: a left-handed oblique frame. */
const LEFT_HANDED_OBLIQUE: Mat3 = [1, 0, 0, 0, c, s, 0, s, -c];
/** Rotation of 0.3 rad about LPS z: right-handed and oblique. */
const OBLIQUE: Mat3 = [c, -s, 0, s, c, 0, 0, 0, 1];

const geometry = (direction: Mat3): ImageGeometry => ({
  size: [3, 2, 2],
  spacingMm: [0.7, 1.25, 3],
  originMm: [-120.5, 33.25, 410],
  direction,
});

function ramp(pixelType: PixelType, direction: Mat3) {
  const volume = createImage(geometry(direction), pixelType);
  const fraction = pixelType.startsWith('float') ? 0.5 : 0;
  volume.data.forEach((_, n) => (volume.data[n] = n * 3 + fraction));

  return volume;
}

function expectClose(actual: readonly number[], expected: readonly number[], digits = 4) {
  expected.forEach((value, n) => expect(actual[n]).toBeCloseTo(value, digits));
}

describe('writeNifti', () => {
  it.each(['uint8', 'int16', 'uint16', 'int32', 'float32', 'float64'] as const)(
    'round-trips %s voxels and oblique geometry',
    (pixelType) => {
      const volume = ramp(pixelType, OBLIQUE);
      const back = readNifti(writeNifti(volume));

      expect(back.pixelType).toBe(pixelType);
      expect(back.size).toEqual(volume.size);
      expect(Array.from(back.data)).toEqual(Array.from(volume.data));
      expectClose(back.direction, volume.direction);
      expectClose(back.spacingMm, volume.spacingMm);
      expectClose(back.originMm, volume.originMm);
    },
  );

  it('stores RAS: the sform translation is the LPS origin with x and y negated', () => {
    const file = writeNifti(ramp('int16', OBLIQUE));
    const view = new DataView(file.buffer);
    const offsets = [280 + 12, 296 + 12, 312 + 12].map((at) => view.getFloat32(at, true));

    expectClose(offsets, [120.5, -33.25, 410]);
    expect(view.getInt16(254, true)).toBe(1);
  });

  it('writes a qform that agrees with the sform, also for a left-handed frame', () => {
    for (const direction of [OBLIQUE, LEFT_HANDED_OBLIQUE]) {
      const volume = ramp('float32', direction);
      const file = writeNifti(volume);
      new DataView(file.buffer).setInt16(254, 0, true); // drop the sform: qform only
      const fromQform = readNifti(file);

      expectClose(fromQform.direction, direction);
      expectClose(indexToPoint(fromQform, [2, 1, 1]), indexToPoint(volume, [2, 1, 1]));
    }
  });

  it('gzips on request, and the result reads back', () => {
    const volume = ramp('int16', LEFT_HANDED_OBLIQUE);
    const gz = writeNifti(volume, { gzip: true });

    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    expect(Array.from(readNifti(gz).data)).toEqual(Array.from(volume.data));
  });

  it('refuses sizes NIfTI-1 cannot hold', () => {
    const huge = { ...ramp('uint8', OBLIQUE), size: [40000, 1, 1] as [number, number, number] };

    expect(() => writeNifti(huge)).toThrow('Size 40000x1x1 exceeds NIfTI-1 limits.');
  });
});
