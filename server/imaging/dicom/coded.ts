import type { DataSet } from 'dicom-parser';
import type { CodedConcept } from './instance';
import { firstItem, text, type Tag } from './values';

/** The first item of a code sequence as (value, scheme, meaning). */
export function readCode(ds: DataSet, sequenceTag: Tag): CodedConcept | undefined {
  const item = firstItem(ds, sequenceTag);
  if (item === undefined) return undefined;

  return {
    codeValue: text(item, 'x00080100') ?? text(item, 'x00080119'),
    codingSchemeDesignator: text(item, 'x00080102'),
    codeMeaning: text(item, 'x00080104'),
  };
}
