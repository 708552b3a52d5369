/**
 * Typed reads from a dicom-parser DataSet. Private and implicit-VR elements arrive as raw
 * bytes, so string-valued reads go through `string()` and numbers are parsed here.
 */
import type { DataSet } from 'dicom-parser';

export type Tag = `x${string}`;

export function text(ds: DataSet, tag: Tag): string | undefined {
  const value = ds.string(tag);

  return value === undefined || value === '' ? undefined : value;
}

/** Multi-valued string (backslash separated), trimmed, empty entries kept out. */
export function texts(ds: DataSet, tag: Tag): string[] {
  const raw = ds.elements[tag] ? ds.string(tag) : undefined;
  if (raw === undefined) return [];
  const whole = ds.text(tag) ?? raw;

  return whole
    .split('\\')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Decimal or integer strings (DS, IS), every value parsed; undefined if any is not. */
export function numbers(ds: DataSet, tag: Tag): number[] | undefined {
  const parts = texts(ds, tag);
  if (parts.length === 0) return undefined;
  const parsed = parts.map(Number);

  return parsed.every(Number.isFinite) ? parsed : undefined;
}

export function decimal(ds: DataSet, tag: Tag): number | undefined {
  return numbers(ds, tag)?.[0];
}

/** US / SS / UL / FD / FL by the element's VR, falling back to its byte length. */
export function binary(ds: DataSet, tag: Tag): number | undefined {
  const element = ds.elements[tag];
  if (element === undefined || element.length === 0) return undefined;

  switch (element.vr) {
    case 'SS':
      return ds.int16(tag);
    case 'UL':
      return ds.uint32(tag);
    case 'SL':
      return ds.int32(tag);
    case 'FD':
      return ds.double(tag);
    case 'FL':
      return ds.float(tag);
    default:
      return element.length === 8 ? ds.double(tag) : ds.uint16(tag);
  }
}

export function doubles(ds: DataSet, tag: Tag): number[] {
  const element = ds.elements[tag];
  if (element === undefined) return [];
  const count = Math.floor(element.length / 8);

  return Array.from({ length: count }, (_, i) => ds.double(tag, i) ?? Number.NaN);
}

export function items(ds: DataSet, tag: Tag): DataSet[] {
  const element = ds.elements[tag];

  return (element?.items ?? []).flatMap((item) => (item.dataSet ? [item.dataSet] : []));
}

export function firstItem(ds: DataSet, tag: Tag): DataSet | undefined {
  return items(ds, tag)[0];
}
