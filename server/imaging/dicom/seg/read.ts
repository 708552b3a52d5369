/**
 * readSegmentation: a DICOM SEG onto the grid of the series it annotates. Each frame is
 * placed by its own Plane Position, never by frame order (SEG writers skip empty slices
 * and order frames by segment), and must land exactly on a slice of that grid.
 *
 * Fractional segmentations are thresholded at half the Maximum Fractional Value: a voxel
 * at least 50% inside (probability or occupancy alike) belongs to the segment.
 *
 * Frames must share the grid's orientation and pixel spacing; SEGs drawn on another grid
 * are refused, since resampling them onto the referenced grid is not written yet.
 */
import {
  createImage,
  pointToIndex,
  type ImageGeometry,
  type ImageVolume,
  type Vec3,
} from '../../image';
import type { FrameFunctionalGroups } from '../functional-groups';
import type { DicomInstance, FramePixels } from '../instance';
import { DicomRejection } from '../rejection';
import type { SegmentInfo } from '../seg-fields';

export interface SegmentMask {
  segmentNumber: number;
  label?: string;
  description?: string;
  algorithmType?: string;
  /** 1 inside the segment, 0 outside, on the referenced geometry. */
  mask: ImageVolume;
}

/** A frame may sit this far (in voxels) off a grid plane and still count as on it. */
const ON_GRID_VOXELS = 0.01;

interface Placement {
  i0: number;
  j0: number;
  k: number;
}

function offGrid(seg: DicomInstance, frame: number, why: string): DicomRejection {
  return new DicomRejection(
    'SEG_OFF_GRID',
    seg.source,
    `SEG frame ${frame + 1} ${why}; it does not fit the referenced image grid, so the ` +
      'segmentation must be re-exported on the series it was drawn on.',
  );
}

function checkInPlane(
  seg: DicomInstance,
  group: FrameFunctionalGroups,
  grid: ImageGeometry,
  frame: number,
) {
  const o = group.imageOrientationPatient ?? seg.imageOrientationPatient;
  const d = grid.direction;
  const expected = [d[0], d[3], d[6], d[1], d[4], d[7]];
  if (!o || o.some((v, n) => Math.abs(v - expected[n]!) > 1e-3))
    throw offGrid(seg, frame, 'is oriented differently');

  const spacing = group.pixelSpacingMm ?? seg.pixelSpacingMm;
  const [rowMm, colMm] = spacing ?? [Number.NaN, Number.NaN];
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-3 * Math.max(1, b);
  if (!same(colMm, grid.spacingMm[0]) || !same(rowMm, grid.spacingMm[1])) {
    throw offGrid(seg, frame, `has pixel spacing ${rowMm}x${colMm} mm`);
  }
}

function place(
  seg: DicomInstance,
  group: FrameFunctionalGroups,
  grid: ImageGeometry,
  frame: number,
): Placement {
  const position = group.imagePositionPatient as Vec3 | undefined;
  if (!position) throw offGrid(seg, frame, 'has no Plane Position');
  checkInPlane(seg, group, grid, frame);

  const index = pointToIndex(grid, position);
  const [i0, j0, k] = index.map(Math.round) as Vec3;
  if (index.some((v, a) => Math.abs(v - [i0, j0, k][a]!) > ON_GRID_VOXELS)) {
    throw offGrid(seg, frame, 'lies between voxel planes');
  }
  if (k < 0 || k >= grid.size[2]) throw offGrid(seg, frame, `lies outside the grid (slice ${k})`);

  return { i0, j0, k };
}

function threshold(seg: DicomInstance): number {
  if (seg.seg?.segmentationType !== 'FRACTIONAL') return 1;

  return (seg.seg.maxFractionalValue ?? 255) / 2;
}

function paint(
  mask: ImageVolume,
  pixels: FramePixels,
  seg: DicomInstance,
  at: Placement,
  cut: number,
) {
  const [nx, ny] = mask.size;
  const base = at.k * nx * ny;
  for (let r = 0; r < seg.rows; r++) {
    const j = at.j0 + r;
    if (j < 0 || j >= ny) continue;
    for (let c = 0; c < seg.columns; c++) {
      const i = at.i0 + c;
      if (i >= 0 && i < nx && pixels[r * seg.columns + c]! >= cut) mask.data[base + j * nx + i] = 1;
    }
  }
}

function segmentOf(
  seg: DicomInstance,
  group: FrameFunctionalGroups,
  segments: SegmentInfo[],
  frame: number,
) {
  const number =
    group.referencedSegmentNumber ??
    (segments.length === 1 ? segments[0]!.segmentNumber : undefined);
  if (number === undefined || !segments.some((s) => s.segmentNumber === number)) {
    throw new DicomRejection(
      'BAD_VALUE',
      seg.source,
      `SEG frame ${frame + 1} refers to segment ${number ?? '(none)'}, ` +
        'which the Segment Sequence does not define.',
    );
  }

  return number;
}

export function readSegmentation(seg: DicomInstance, referenced: ImageGeometry): SegmentMask[] {
  const segments = seg.seg?.segments ?? [];
  const groups = seg.frameGroups;
  if (segments.length === 0 || groups === undefined) {
    throw new DicomRejection(
      'BAD_VALUE',
      seg.source,
      'this SEG has no Segment Sequence or no per-frame positions, so it cannot be placed.',
    );
  }
  const masks = new Map(segments.map((s) => [s.segmentNumber, createImage(referenced, 'uint8')]));
  const cut = threshold(seg);
  groups.forEach((group, frame) => {
    const number = segmentOf(seg, group, segments, frame);
    paint(
      masks.get(number)!,
      seg.decodeFrame(frame),
      seg,
      place(seg, group, referenced, frame),
      cut,
    );
  });

  return segments.map((info) => ({ ...info, mask: masks.get(info.segmentNumber)! }));
}
