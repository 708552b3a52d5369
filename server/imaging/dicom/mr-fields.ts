/**
 * MR header fields that tell apart plain MR, ADC maps and DCE / Ktrans maps. Vendors
 * label derived maps inconsistently, so classification (classify-series.ts) weighs all
 * of these; nothing here interprets them.
 */
import type { DataSet } from 'dicom-parser';
import { readCode } from './coded';
import type { CodedConcept } from './instance';
import { decimal, doubles, firstItem, items, text } from './values';

export interface RealWorldValueMapping {
  label?: string;
  explanation?: string;
  units?: CodedConcept;
  slope?: number;
  intercept?: number;
}

export interface MrFields {
  diffusionBValues: number[];
  realWorldValueMappings: RealWorldValueMapping[];
  contrastBolusAgent?: string;
  temporalPositionIdentifier?: number;
  numberOfTemporalPositions?: number;
  derivationDescription?: string;
}

function readMapping(item: DataSet): RealWorldValueMapping {
  return {
    label: text(item, 'x00409210'),
    explanation: text(item, 'x00283003'),
    units: readCode(item, 'x004008ea'),
    slope: decimal(item, 'x00409225') ?? doubles(item, 'x00409225')[0],
    intercept: decimal(item, 'x00409224') ?? doubles(item, 'x00409224')[0],
  };
}

/** Mappings sit at the top level, or in the shared functional groups of enhanced maps. */
function mappings(ds: DataSet): RealWorldValueMapping[] {
  const shared = firstItem(ds, 'x52009229');
  const all = [...items(ds, 'x00409096'), ...(shared ? items(shared, 'x00409096') : [])];

  return all.map(readMapping);
}

function bValues(ds: DataSet): number[] {
  const top = doubles(ds, 'x00189087');
  const perFrame = items(ds, 'x52009230').flatMap((fg) =>
    items(fg, 'x00189117').flatMap((item) => doubles(item, 'x00189087')),
  );

  return [...new Set([...top, ...perFrame].filter(Number.isFinite))].sort((a, b) => a - b);
}

export function readMrFields(ds: DataSet): MrFields {
  return {
    diffusionBValues: bValues(ds),
    realWorldValueMappings: mappings(ds),
    contrastBolusAgent: text(ds, 'x00180010'),
    temporalPositionIdentifier: decimal(ds, 'x00200100'),
    numberOfTemporalPositions: decimal(ds, 'x00200105'),
    derivationDescription: text(ds, 'x00082111'),
  };
}
