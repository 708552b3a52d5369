import { gzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';

import { createImage, indexToPoint, type ImageGeometry, type Mat3 } from '@/server/imaging/image';

import { readNrrd } from '../read';
import { writeNrrd } from '../write';

/** An attached-header NRRD from header lines and raw little-endian data. */
function nrrd(lines: string[], data: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`${['NRRD0004', ...lines].join('\n')}\n\n`);
  const file = new Uint8Array(header.length + data.length);
  file.set(header);
  file.set(data, header.length);

  return file;
}

const RAMP = new Uint8Array(Int16Array.from([0, 1, 2, 3, 4, 5, 6, -7]).buffer);

const lps = [
  'type: short',
  'dimension: 3',
  'space: left-posterior-superior',
  'sizes: 2 2 2',
  'space directions: (0.5,0,0) (0,0.75,0) (0,0,2.5)',
  'endian: little',
  'encoding: raw',
  'space origin: (-10,20.5,-30)',
];

const replace = (field: string, line: string) =>
  lps.map((l) => (l.startsWith(`${field}:`) ? line : l));

function expectClose(actual: readonly number[], expected: readonly number[]) {
  expected.forEach((value, n) => expect(actual[n]).toBeCloseTo(value, 6));
}

let stderr: MockInstance;
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

describe('readNrrd', () => {
  it('reads an LPS header as is', () => {
    const volume = readNrrd(nrrd(lps, RAMP));

    expect(volume.size).toEqual([2, 2, 2]);
    expect(volume.pixelType).toBe('int16');
    expect(Array.from(volume.data)).toEqual([0, 1, 2, 3, 4, 5, 6, -7]);
    expectClose(volume.spacingMm, [0.5, 0.75, 2.5]);
    expectClose(volume.originMm, [-10, 20.5, -30]);
    expectClose(volume.direction, [1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('converts right-anterior-superior by negating x and y', () => {
    // RAS i step (0,1,0) is LPS (0,-1,0); origin RAS (5,6,7) is LPS (-5,-6,7).
    const ras = [
      ...lps.filter((l) => !l.startsWith('space')),
      'space: right-anterior-superior',
      'space directions: (0,1,0) (2,0,0) (0,0,3)',
      'space origin: (5,6,7)',
    ];
    const volume = readNrrd(nrrd(ras, RAMP));

    expectClose(volume.direction, [0, -1, 0, -1, 0, 0, 0, 0, 1]);
    expectClose(volume.spacingMm, [1, 2, 3]);
    expectClose(volume.originMm, [-5, -6, 7]);
    // Voxel (1,1,1) is RAS (5+2, 6+1, 7+3) = (7, 7, 10), so LPS (-7, -7, 10).
    expectClose(indexToPoint(volume, [1, 1, 1]), [-7, -7, 10]);
  });

  it('inflates gzip encoding and reads big-endian data', () => {
    const bigEndian = new Uint8Array(16);
    const view = new DataView(bigEndian.buffer);
    [0, 1, 2, 3, 4, 5, 6, -300].forEach((v, n) => view.setInt16(2 * n, v, false));
    const lines = replace('encoding', 'encoding: gzip').map((l) => l.replace('little', 'big'));
    const volume = readNrrd(nrrd(lines, gzipSync(bigEndian)));

    expect(Array.from(volume.data)).toEqual([0, 1, 2, 3, 4, 5, 6, -300]);
  });

  it('warns and uses LPS axes for a header with spacings only', () => {
    const old = ['type: uchar', 'dimension: 3', 'sizes: 2 2 2', 'spacings: 1 2 3'];
    old.push('encoding: raw');
    const volume = readNrrd(nrrd(old, new Uint8Array(8)), { file: 'old.nrrd' });

    expectClose(volume.spacingMm, [1, 2, 3]);
    expect(String(stderr.mock.calls[0]?.[0])).toContain('NRRD has no space; assuming LPS axes');
  });

  it.each([
    ['space', 'space: scanner-xyz', 'NRRD space "scanner-xyz" is not supported.'],
    ['encoding', 'encoding: bzip2', 'NRRD encoding "bzip2" is not supported.'],
    ['encoding', 'encoding: ascii', 'NRRD encoding "ascii" is not supported.'],
    ['type', 'type: int64', 'NRRD type "int64" is not supported.'],
    ['type', 'type: block', 'NRRD type "block" is not supported.'],
    ['dimension', 'dimension: 4', 'NRRD dimension 4 is not supported.'],
    ['sizes', 'sizes: 2 2', 'NRRD sizes "2 2" is invalid.'],
    ['endian', 'endian: middle', 'NRRD endian "middle" is invalid.'],
    ['extra', 'data file: volume.raw', 'Detached-header NRRD (data file) is not supported.'],
    ['extra', 'byte skip: 12', 'NRRD "byte skip" is not supported.'],
    [
      'space directions',
      'space directions: (1,0,0) (1,1,0) (0,0,1)',
      'NRRD space directions are zero or not perpendicular.',
    ],
    [
      'space directions',
      'space directions: (1,0) (0,1) (0,0)',
      'NRRD space directions "(1,0)" is not a 3-vector.',
    ],
  ])('refuses a bad %s field', (field, line, message) => {
    const lines = field === 'extra' ? [...lps, line] : replace(field, line);

    expect(() => readNrrd(nrrd(lines, RAMP))).toThrow(message);
  });

  it('refuses truncated data and files that are not NRRD', () => {
    expect(() => readNrrd(nrrd(lps, RAMP.subarray(0, 10)))).toThrow(
      'NRRD data is shorter than its sizes say.',
    );
    expect(() => readNrrd(new TextEncoder().encode('P5\n2 2\n'))).toThrow(
      'Not a NRRD file: no NRRD000x magic.',
    );
  });
});

describe('writeNrrd', () => {
  const c = Math.cos(0.4);
  const s = Math.sin(0.4);
  const oblique: Mat3 = [c, 0, s, 0, 1, 0, -s, 0, c];

  it.each([false, true])('round-trips an oblique float volume (gzip %s)', (gzip) => {
    const geometry: ImageGeometry = {
      size: [2, 3, 2],
      spacingMm: [0.8, 1.1, 4],
      originMm: [1.5, -2, 300],
      direction: oblique,
    };
    const volume = createImage(
      geometry,
      'float32',
      Float32Array.from({ length: 12 }, (_, n) => n / 4 - 1),
    );
    const back = readNrrd(writeNrrd(volume, { gzip }));

    expect(Array.from(back.data)).toEqual(Array.from(volume.data));
    expectClose(back.direction, oblique);
    expectClose(back.spacingMm, volume.spacingMm);
    expectClose(back.originMm, volume.originMm);
  });
});
