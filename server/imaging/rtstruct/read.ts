/**
 * readRtStruct: the ROIs of a DICOM RT Structure Set with their closed planar contours.
 * Names and frames of reference come from the Structure Set ROI Sequence; contours from
 * the ROI Contour Sequence, joined by ROI number.
 */
import type { DataSet } from 'dicom-parser';
import type { Vec3 } from '../image';
import { readDataSet } from '../dicom/read-dataset';
import { DicomRejection } from '../dicom/rejection';
import { RTSTRUCT_UID } from '../dicom/sop-class';
import { decimal, items, numbers, text } from '../dicom/values';
import type { RtContour, RtRoi, RtStructureSet } from './types';

function contoursOf(item: DataSet, source: string): RtContour[] {
  const contours: RtContour[] = [];
  for (const contour of items(item, 'x30060040')) {
    if (text(contour, 'x30060042') !== 'CLOSED_PLANAR') continue;

    const data = numbers(contour, 'x30060050');
    if (!data || data.length % 3 !== 0) {
      throw new DicomRejection('BAD_VALUE', source, 'a Contour Data (3006,0050) value is ' +
        'not a list of x\\y\\z decimals; re-export the structure set.');
    }
    const pointsMm: Vec3[] = [];
    for (let p = 0; p < data.length; p += 3) pointsMm.push([data[p]!, data[p + 1]!, data[p + 2]!]);
    if (pointsMm.length >= 3) contours.push({ pointsMm });
  }

  return contours;
}

function contoursByRoi(ds: DataSet, source: string): Map<number, RtContour[]> {
  const byRoi = new Map<number, RtContour[]>();
  for (const item of items(ds, 'x30060039')) {
    const number = decimal(item, 'x30060084');
    if (number === undefined) continue;

    byRoi.set(number, [...(byRoi.get(number) ?? []), ...contoursOf(item, source)]);
  }

  return byRoi;
}

/** Parse an RTSTRUCT file; `source` names it in errors. */
export function readRtStruct(bytes: Uint8Array, source: string): RtStructureSet {
  const { dataSet: ds } = readDataSet(bytes, source);
  const sopClass = text(ds, 'x00080016');
  if (sopClass !== RTSTRUCT_UID) {
    throw new DicomRejection('UNSUPPORTED_SOP_CLASS', source, `SOP class ${sopClass ?? 'absent'}` +
      ' is not an RT Structure Set; give the RTSTRUCT file of the series.');
  }
  const contours = contoursByRoi(ds, source);
  const rois: RtRoi[] = items(ds, 'x30060020').flatMap((item) => {
    const number = decimal(item, 'x30060022');
    if (number === undefined) return [];

    const frameOfReferenceUid = text(item, 'x30060024');

    return [{
      number,
      name: text(item, 'x30060026')?.trim() ?? `ROI ${number}`,
      ...(frameOfReferenceUid ? { frameOfReferenceUid } : {}),
      contours: contours.get(number) ?? [],
    }];
  });
  const structureSetLabel = text(ds, 'x30060002')?.trim();

  return { source, ...(structureSetLabel ? { structureSetLabel } : {}), rois };
}
