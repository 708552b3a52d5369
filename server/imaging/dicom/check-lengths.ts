/**
 * dicom-parser trusts length fields; we do not. Every element, sequence item and pixel
 * fragment must lie inside its parent and inside the real bytes, before any of its
 * values is read or any buffer is sized from it.
 */
import type { DataSet, Element } from 'dicom-parser';
import { DicomRejection } from './rejection';

/** dicom-parser leaves this value when it never found an undefined-length element's end. */
const UNDEFINED_LENGTH = 0xffffffff;

function tagName(tag: string): string {
  return `(${tag.slice(1, 5).toUpperCase()},${tag.slice(5, 9).toUpperCase()})`;
}

function checkFragments(element: Element, fileBytes: number, source: string): void {
  for (const fragment of element.fragments ?? []) {
    const end = fragment.position + fragment.length;
    if (fragment.length < 0 || end > fileBytes) {
      throw new DicomRejection(
        'TRUNCATED',
        source,
        `a compressed pixel fragment runs ${end - fileBytes} bytes past the end of the ` +
          'file (truncated); copy the file again from the source.',
      );
    }
  }
}

function checkElement(element: Element, parentEnd: number, fileBytes: number, source: string) {
  if (element.length === UNDEFINED_LENGTH || element.length < 0) {
    throw new DicomRejection(
      'TRUNCATED',
      source,
      `element ${tagName(element.tag)} has no end (its delimiter is missing), so the file ` +
        'is truncated; copy it again from the source.',
    );
  }
  const end = element.dataOffset + element.length;
  if (end > fileBytes) {
    throw new DicomRejection(
      'TRUNCATED',
      source,
      `element ${tagName(element.tag)} claims ${element.length} bytes but the file ends ` +
        `${end - fileBytes} bytes early (truncated); copy the file again from the source.`,
    );
  }
  if (end > parentEnd) {
    throw new DicomRejection(
      'BAD_LENGTH',
      source,
      `element ${tagName(element.tag)} has a length field (${element.length}) that runs ` +
        'past its enclosing sequence; the file is damaged.',
    );
  }
  checkFragments(element, fileBytes, source);
  for (const item of element.items ?? []) {
    checkElement(item, end, fileBytes, source);
    if (item.dataSet) checkDataSet(item.dataSet, item.dataOffset + item.length, source);
  }
}

function checkDataSet(ds: DataSet, end: number, source: string): void {
  for (const element of Object.values(ds.elements)) {
    checkElement(element, end, ds.byteArray.length, source);
  }
}

export function checkLengths(ds: DataSet, source: string): void {
  checkDataSet(ds, ds.byteArray.length, source);
}
