import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImageGeometry } from '../../image';
import type { FrameFunctionalGroups } from '../functional-groups';
import type { DicomInstance, FramePixels } from '../instance';
import { parseDicom } from '../parse';
import { isDicomRejection } from '../rejection';
import { readSegmentation } from '../seg/read';
import type { SegFields } from '../seg-fields';
import { fakeInstance } from './fake-instance';
import { dataFolder } from '@/server/testing/shared-data';

/** 2x2 axial grid, 1 mm pixels, three slices at z = 0, 2, 4. */
const GRID: ImageGeometry = {
  size: [2, 2, 3],
  spacingMm: [1, 1, 2],
  originMm: [0, 0, 0],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

function fakeSeg(
  frames: { z: number; segment: number; pixels: number[] }[],
  seg: Partial<SegFields> = {},
) {
  const groups: FrameFunctionalGroups[] = frames.map((f) => ({
    imagePositionPatient: [0, 0, f.z],
    imageOrientationPatient: [1, 0, 0, 0, 1, 0],
    pixelSpacingMm: [1, 1],
    referencedSegmentNumber: f.segment,
  }));
  const pixels: FramePixels[] = frames.map((f) => Uint8Array.from(f.pixels));

  return fakeInstance(
    { position: [0, 0, 0], pixels: pixels[0]! },
    {
      source: 'seg',
      frames: frames.length,
      frameGroups: groups,
      decodeFrame: (i) => pixels[i]!,
      seg: {
        segmentationType: 'BINARY',
        segments: [
          { segmentNumber: 1, label: 'Tumour' },
          { segmentNumber: 2, label: 'Node', description: 'right hilum' },
        ],
        referencedSopInstanceUids: [],
        ...seg,
      },
    },
  );
}

describe('readSegmentation on hand-built cases', () => {
  it('places frames by plane position, not by frame order', () => {
    const seg = fakeSeg([
      { z: 4, segment: 2, pixels: [0, 1, 0, 0] },
      { z: 0, segment: 1, pixels: [1, 0, 0, 1] },
    ]);
    const [tumour, node] = readSegmentation(seg, GRID);

    // Slice k = z / 2: the z = 0 frame fills k = 0, the z = 4 frame fills k = 2.
    expect(Array.from(tumour!.mask.data)).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(node!.mask.data)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(node).toMatchObject({ segmentNumber: 2, label: 'Node', description: 'right hilum' });
    expect(tumour!.mask.size).toEqual([2, 2, 3]);
    expect(tumour!.mask.pixelType).toBe('uint8');
  });

  it('thresholds fractional frames at half the maximum fractional value', () => {
    // Max 200: cut at 100. 99 is out, 100 and 200 are in.
    const seg = fakeSeg([{ z: 2, segment: 1, pixels: [99, 100, 200, 0] }], {
      segmentationType: 'FRACTIONAL',
      maxFractionalValue: 200,
    });
    const [tumour] = readSegmentation(seg, GRID);

    expect(Array.from(tumour!.mask.data.slice(4, 8))).toEqual([0, 1, 1, 0]);
  });

  it('refuses a frame between grid planes', () => {
    const seg = fakeSeg([{ z: 1, segment: 1, pixels: [1, 1, 1, 1] }]);
    let reason = '';
    try {
      readSegmentation(seg, GRID);
    } catch (err) {
      if (isDicomRejection(err)) reason = `${err.code}: ${err.reason}`;
    }

    expect(reason).toMatch(/^SEG_OFF_GRID: SEG frame 1 lies between voxel planes/);
  });

  it('refuses a frame naming an undefined segment', () => {
    const seg = fakeSeg([{ z: 0, segment: 7, pixels: [1, 1, 1, 1] }]);

    expect(() => readSegmentation(seg, GRID)).toThrow(/refers to segment 7/);
  });
});

const { folder, present } = dataFolder('dicom-samples');

/** The grid the liver SEG frames lie on (its CT is not in the samples). */
function gridOfFrames(seg: DicomInstance): ImageGeometry {
  const zs = [...new Set(seg.frameGroups!.map((g) => g.imagePositionPatient![2]))].sort(
    (a, b) => a - b,
  );
  const first = seg.frameGroups![0]!;
  const [x, y] = first.imagePositionPatient!;
  const [rowMm, colMm] = first.pixelSpacingMm!;

  return {
    size: [seg.columns, seg.rows, zs.length],
    spacingMm: [colMm, rowMm, zs.length > 1 ? zs[1]! - zs[0]! : 1],
    originMm: [x, y, zs[0]!],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  };
}

describe.skipIf(!present)('readSegmentation on the sample SEG files', () => {
  const open = (f: string) => parseDicom(new Uint8Array(readFileSync(path.join(folder, f))), f);

  it('reads liver.dcm: one BINARY segment whose frames land on their own slices', () => {
    const seg = open('pydicom-data/liver.dcm');
    const grid = gridOfFrames(seg);
    const [liver] = readSegmentation(seg, grid);

    expect(seg.seg?.segmentationType).toBe('BINARY');
    expect(liver?.label).toBe('Liver');
    const frame1Z = seg.frameGroups![1]!.imagePositionPatient![2];
    const k = Math.round((frame1Z - grid.originMm[2]) / grid.spacingMm[2]);
    // pixel_reference_checks.csv: liver.dcm frame 1, row 256, column 256 is 1, and
    // row 146, columns 253..260 are 0 1 1 1 1 1 0 1.
    const at = (row: number, col: number) => liver!.mask.data[(k * 512 + row) * 512 + col];
    expect(at(256, 256)).toBe(1);
    expect([253, 254, 255, 256, 257, 258, 259, 260].map((c) => at(146, c))).toEqual([
      0, 1, 1, 1, 1, 1, 0, 1,
    ]);
  });

  it('reads the RLE copy of liver.dcm to the same masks', () => {
    const plain = open('pydicom-data/liver.dcm');
    const rle = open('pydicom-data/liver_rle.dcm');
    const [a] = readSegmentation(plain, gridOfFrames(plain));
    const [b] = readSegmentation(rle, gridOfFrames(plain));

    const bytes = (m: typeof a) => Buffer.from(m!.mask.data.buffer);
    expect(bytes(a).some((v) => v === 1)).toBe(true);
    expect(Buffer.compare(bytes(b), bytes(a))).toBe(0);
  });
});
