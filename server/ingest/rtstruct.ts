import { createHash } from 'node:crypto';

import type { DataSet } from 'dicom-parser';

import { readCommonHeader } from '@/server/imaging/dicom/header';
import { readDataSet } from '@/server/imaging/dicom/read-dataset';
import { items, text } from '@/server/imaging/dicom/values';
import type { ImageGeometry } from '@/server/imaging/image';
import { rasteriseRoi, readRtStruct } from '@/server/imaging/rtstruct';

import { missingIdentity, placementOf } from './header';
import type { SeriesHeader } from './prepared';
import type { SegmentMaskInput } from './segments';

/**
 * RT Structure Sets as a lesion source. The file has no pixels: its header places it in
 * a study, its ROIs are contours in patient coordinates that are rasterised onto the
 * image series they were drawn on when the series is assembled.
 */
export interface StructureSetFile {
  header: SeriesHeader;
  sopInstanceUid: string;
  sopClassUid: string;
  digest: string;
}

export function readStructureSetHeader(
  bytes: Uint8Array,
  source: string,
): StructureSetFile | string {
  const { dataSet: ds } = readDataSet(bytes, source);
  const common = readCommonHeader(ds);
  const missing = missingIdentity(common);
  if (missing) return missing;

  return {
    sopInstanceUid: common.sopInstanceUid ?? '',
    sopClassUid: text(ds, 'x00080016') ?? '',
    digest: createHash('sha256').update(bytes).digest('hex'),
    header: {
      ...placementOf(common),
      modality: 'RTSTRUCT',
      seriesType: 'RTSTRUCT',
      seriesTypeReason: 'RT Structure Set SOP class.',
      tracer: null,
      contrastPhase: null,
      frameOfReferenceUid: referencedFrame(ds) ?? null,
      description: common.series.description ?? text(ds, 'x30060002') ?? 'Structure set',
      referencedSeriesUid: referencedSeries(ds) ?? null,
    },
  };
}

function referencedFrame(ds: DataSet): string | undefined {
  return text(items(ds, 'x30060010')[0] ?? ds, 'x00200052');
}

/** Referenced Frame of Reference > RT Referenced Study > RT Referenced Series. */
function referencedSeries(ds: DataSet): string | undefined {
  const frame = items(ds, 'x30060010')[0];
  const study = frame && items(frame, 'x30060012')[0];
  const series = study && items(study, 'x30060014')[0];

  return series && text(series, 'x0020000e');
}

/**
 * Interpreted types that are not lesions (RT ROI Observations, 3006,00A4): bodies,
 * organs at risk, couch and markers stay out of the lesion list. ROIs without a type,
 * or typed GTV, CTV, PTV and the like, are kept.
 */
const NOT_LESIONS = new Set([
  'EXTERNAL',
  'ORGAN',
  'AVOIDANCE',
  'BOLUS',
  'SUPPORT',
  'FIXATION',
  'CONTROL',
  'REGISTRATION',
  'ISOCENTER',
  'MARKER',
  'CAVITY',
  'CONTRAST_AGENT',
  'DOSE_REGION',
]);

export function structureSetMasks(
  bytes: Uint8Array,
  source: string,
  grid: ImageGeometry,
): SegmentMaskInput[] {
  const { dataSet: ds } = readDataSet(bytes, source);
  const typeOf = new Map(
    items(ds, 'x30060080').map((o) => [text(o, 'x30060084'), text(o, 'x300600a4') ?? '']),
  );
  const set = readRtStruct(bytes, source);

  return set.rois
    .filter(
      (roi) => roi.contours.length > 0 && !NOT_LESIONS.has(typeOf.get(String(roi.number)) ?? ''),
    )
    .map((roi) => ({
      segmentNumber: roi.number,
      label: roi.name,
      description: typeOf.get(String(roi.number)) || undefined,
      mask: rasteriseRoi(roi, grid),
    }));
}
