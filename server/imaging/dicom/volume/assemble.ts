/**
 * assembleVolume: the instances of one series (single-frame slices, or one enhanced
 * multi-frame object) to an LPS ImageVolume plus a report of what was odd about them.
 *
 * Gaps and gantry tilt are reported, not repaired: the volume keeps the slices present,
 * spaced at the median gap, and tilted stacks are not resampled (dcm2niix would correct
 * the tilt). Downstream code must check the report before trusting distances.
 */
import { createImage, type ImageVolume, type Mat3, type Vec3 } from '../../image';
import { logger } from '../../../lib/log';
import type { DicomInstance } from '../instance';
import { DicomRejection } from '../rejection';
import { orderSlices, spacingOf, type SliceOrder, type SpacingReport } from './order';
import { fillVolume, rescaledPixelType } from './rescale';
import { toSlices } from './slices';

export interface AssemblyReport extends SpacingReport {
  sliceCount: number;
  warnings: string[];
}

export interface AssembledVolume {
  volume: ImageVolume;
  report: AssemblyReport;
}

/** Tilts below this are DS rounding in the positions, not a tilted gantry. */
const TILT_REPORT_DEG = 0.05;

const nonconformant = logger('nonconformant');

function warningsFor(order: SliceOrder, spacing: SpacingReport, single: DicomInstance): string[] {
  const warnings: string[] = [];
  if (spacing.missingSlices > 0) {
    warnings.push(
      `${spacing.missingSlices} slice(s) appear to be missing (gaps of several times the ` +
        `${spacing.sliceSpacingMm.toFixed(2)} mm spacing); distances across the gap are wrong.`,
    );
  }
  if (spacing.unevenSpacing) {
    warnings.push('Slice spacing is uneven; the volume uses the median gap, so positions drift.');
  }
  if (spacing.gantryTiltDeg > TILT_REPORT_DEG) {
    warnings.push(
      `Gantry tilt of ${spacing.gantryTiltDeg.toFixed(2)} degrees is not corrected; ` +
        'the volume is sheared along the slice axis.',
    );
  }
  const references = new Set(order.slices.map((s) => s.frameOfReferenceUid));
  if (references.size > 1) warnings.push('Slices carry different Frame of Reference UIDs.');
  if (order.slices.length === 1) {
    warnings.push(`Single slice: its thickness (${sliceDepthMm(single)} mm) is used as spacing.`);
  }

  return warnings;
}

function sliceDepthMm(instance: DicomInstance): number {
  return instance.spacingBetweenSlicesMm ?? instance.sliceThicknessMm ?? 1;
}

function directionOf(order: SliceOrder): Mat3 {
  const [r, c, n] = [order.rowCosine, order.columnCosine, order.normal];

  return [r[0], c[0], n[0], r[1], c[1], n[1], r[2], c[2], n[2]];
}

export function assembleVolume(instances: DicomInstance[]): AssembledVolume {
  const first = instances[0];
  if (first === undefined) {
    throw new DicomRejection(
      'INCONSISTENT_SERIES',
      'series',
      'the series has no images to assemble.',
    );
  }
  const order = orderSlices(toSlices(instances));
  const spacing = spacingOf(order);
  const { slices } = order;
  const head = slices[0]!;
  const sliceSpacingMm = slices.length > 1 ? spacing.sliceSpacingMm : sliceDepthMm(first);
  const frames = slices.map((slice) => slice.read());
  const pixelType = rescaledPixelType(slices, frames);

  const size: Vec3 = [head.columns, head.rows, slices.length];
  const spacingMm: Vec3 = [head.pixelSpacingMm[1], head.pixelSpacingMm[0], sliceSpacingMm];
  const volume = createImage(
    { size, spacingMm, originMm: head.positionMm, direction: directionOf(order) },
    pixelType,
    fillVolume(pixelType, slices, frames),
  );
  const warnings = warningsFor(order, spacing, first);
  for (const reason of warnings)
    nonconformant.warn('series geometry', { file: head.source, reason });

  return {
    volume,
    report: { ...spacing, sliceSpacingMm, sliceCount: slices.length, warnings },
  };
}
