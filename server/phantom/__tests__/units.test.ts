/** Hand-worked checks of the phantom's small building blocks. */
import { describe, expect, it } from 'vitest';
import { parsePhantomArgs } from '@/cli/commands/phantom';
import { UsageError } from '@/cli/command';
import { encodeDataset } from '../dicom/encoder';
import { formatDs } from '../dicom/values';
import { analyticMoments, radialPosition } from '../lesion-shape';
import type { LesionShape } from '../lesion-shape';
import { makePose, toModel, toScanner } from '../pose';
import { deriveUid } from '../uid';

describe('pose', () => {
  it('turns +x into +y for 90° about z, then shifts', () => {
    const pose = makePose([0, 0, 90], [10, 0, 0]);
    const p = toScanner(pose, [1, 0, 0]);
    // Rz(90°)·(1, 0, 0) = (0, 1, 0); plus t = (10, 0, 0).
    expect(p[0]).toBeCloseTo(10, 12);
    expect(p[1]).toBeCloseTo(1, 12);
    expect(p[2]).toBeCloseTo(0, 12);
    toModel(pose, p).forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0][i]!, 12));
  });

  it('applies x first, then y, then z', () => {
    // Rx(90°) takes +y to +z; Rz(90°) leaves +z alone. The other order would give −x.
    const p = toScanner(makePose([90, 0, 90], [0, 0, 0]), [0, 1, 0]);
    [0, 0, 1].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 12));
  });
});

describe('encoder', () => {
  it('writes explicit VR little endian elements with even padding, sorted by tag', () => {
    const bytes = encodeDataset({ Rows: 96, PatientID: 'HM-1', Modality: 'CT' });
    const expected = Buffer.from([
      // (0008,0060) CS length 2 "CT"
      0x08, 0x00, 0x60, 0x00, 0x43, 0x53, 0x02, 0x00, 0x43, 0x54,
      // (0010,0020) LO length 4 "HM-1"
      0x10, 0x00, 0x20, 0x00, 0x4c, 0x4f, 0x04, 0x00, 0x48, 0x4d, 0x2d, 0x31,
      // (0028,0010) US length 2, 96
      0x28, 0x00, 0x10, 0x00, 0x55, 0x53, 0x02, 0x00, 0x60, 0x00,
    ]);
    expect(bytes.equals(expected)).toBe(true);
  });

  it('pads UIDs with NUL and sequences carry defined lengths', () => {
    const bytes = encodeDataset({ ReferencedSeriesSequence: [{ SeriesInstanceUID: '1.2.3' }] });
    // Item: 8 (tag+VR+len) + 6 ("1.2.3\0") = 14 bytes inside an 8-byte item header.
    expect(bytes.readUInt32LE(8)).toBe(22);
    expect(bytes.readUInt32LE(16)).toBe(14);
    expect(bytes.subarray(28, 34).toString('latin1')).toBe('1.2.3\0');
  });

  it('refuses text longer than its VR allows', () => {
    expect(() => encodeDataset({ StudyID: 'X'.repeat(17) })).toThrow(
      'Value "XXXXXXXXXXXXXXXXX" is longer than 16 characters, the limit of SH.',
    );
  });
});

describe('values and UIDs', () => {
  it('keeps decimal strings within 16 characters', () => {
    expect(formatDs(0.1 + 0.2)).toBe('0.3');
    expect(formatDs(1 / 3)).toBe('0.33333333333333');
    expect(formatDs(6586.2)).toBe('6586.2');
  });

  it('derives stable 2.25 UIDs that differ by seed', () => {
    expect(deriveUid(1, 'a')).toBe(deriveUid(1, 'a'));
    expect(deriveUid(1, 'a')).not.toBe(deriveUid(2, 'a'));
    expect(deriveUid(1, 'a')).toMatch(/^2\.25\.[1-9]\d{0,38}$/);
  });
});

describe('lesion shape', () => {
  const sphere: LesionShape = {
    centreMm: [10, 20, 30],
    axes: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    semiAxesMm: [10, 10, 10],
    edgeAmplitude: 0,
    lobes: [{ direction: [1, 0, 0], frequency: 2, phase: 0, weight: 1 }],
  };

  it('integrates a plain sphere to 4/3·π·r³', () => {
    // r = 10 mm at half size → 5 mm: 4/3·π·125 mm³ = 0.5235988 ml.
    const moments = analyticMoments(sphere, 0.5);
    expect(moments.volumeMl).toBeCloseTo((4 / 3) * Math.PI * 0.125, 6);
    // The Fibonacci rule is not exactly symmetric: the centroid is good to ~1e-6 mm.
    moments.centroidMm.forEach((v, i) => expect(v).toBeCloseTo(sphere.centreMm[i]!, 5));
  });

  it('places the surface at radial position 1', () => {
    expect(radialPosition(sphere, 1, 15, 20, 30)).toBeCloseTo(0.5, 12);
    expect(radialPosition(sphere, 1, 21, 20, 30)).toBe(Infinity);
  });
});

describe('phantom command arguments', () => {
  it('reads the options and defaults the size to small', () => {
    const args = parsePhantomArgs(['--out', '/x', '--patients', '3', '--seed', '5', '--json']);
    expect(args).toEqual({
      outDir: '/x',
      patients: 3,
      seed: 5,
      size: 'small',
      unenhancedCt: false,
      separateMrFrame: false,
      json: true,
    });
    const both = ['--out', '/x', '--patients', '1', '--seed', '2', '--unenhanced-ct'];
    expect(parsePhantomArgs(both).unenhancedCt).toBe(true);
    const mr = ['--out', '/x', '--patients', '1', '--seed', '2', '--separate-mr-frame'];
    expect(parsePhantomArgs(mr).separateMrFrame).toBe(true);
  });

  it('rejects unknown sizes and missing numbers', () => {
    expect(() =>
      parsePhantomArgs(['--out', '/x', '--patients', '2', '--seed', '1', '--size', 'huge']),
    ).toThrow(UsageError);
    expect(() => parsePhantomArgs(['--out', '/x', '--seed', '1'])).toThrow(
      '--patients needs a whole number.',
    );
  });
});
