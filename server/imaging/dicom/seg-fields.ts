/** DICOM SEG header: segments, type, and which series and instances it was drawn on. */
import type { DataSet } from 'dicom-parser';
import { binary, firstItem, items, text, type Tag } from './values';

export interface SegmentInfo {
  segmentNumber: number;
  label?: string;
  description?: string;
  algorithmType?: string;
  /** Code meaning of the Anatomic Region Sequence (0008,2218), e.g. "Liver". */
  anatomicRegion?: string;
  /** Code meaning of the Segmented Property Type (0062,000F), e.g. "Neoplasm". */
  propertyType?: string;
}

export interface SegFields {
  segmentationType?: 'BINARY' | 'FRACTIONAL';
  fractionalType?: string;
  maxFractionalValue?: number;
  segments: SegmentInfo[];
  referencedSeriesUid?: string;
  referencedSopInstanceUids: string[];
}

/** The Code Meaning (0008,0104) of a code sequence's first item. */
function codeMeaning(ds: DataSet, sequenceTag: Tag): string | undefined {
  const code = firstItem(ds, sequenceTag);

  return code && text(code, 'x00080104');
}

function readSegment(item: DataSet): SegmentInfo {
  return {
    segmentNumber: binary(item, 'x00620004') ?? 0,
    label: text(item, 'x00620005'),
    description: item.text('x00620006') || undefined,
    algorithmType: text(item, 'x00620008'),
    anatomicRegion: codeMeaning(item, 'x00082218'),
    propertyType: codeMeaning(item, 'x0062000f'),
  };
}

function segmentationType(ds: DataSet): SegFields['segmentationType'] {
  const value = text(ds, 'x00620001');

  return value === 'BINARY' || value === 'FRACTIONAL' ? value : undefined;
}

export function readSegFields(ds: DataSet): SegFields {
  const series = items(ds, 'x00081115')[0];
  const instances = series ? items(series, 'x0008114a') : [];

  return {
    segmentationType: segmentationType(ds),
    fractionalType: text(ds, 'x00620010'),
    maxFractionalValue: binary(ds, 'x0062000e'),
    segments: items(ds, 'x00620002').map(readSegment),
    referencedSeriesUid: series && text(series, 'x0020000e'),
    referencedSopInstanceUids: instances.flatMap((i) => text(i, 'x00081155') ?? []),
  };
}
