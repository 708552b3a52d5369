/**
 * PET tracers by radiopharmaceutical code (DICOM CID 4021, SNOMED CT and the older SRT
 * codes that many scanners still write), then by name. FAPI tracers have no code in the
 * standard yet, so only their names identify them.
 */
import type { CodedConcept } from './instance';

export type Tracer = 'FDG' | 'FMISO' | 'FLT' | 'FAPI' | 'PSMA' | 'DOTATATE' | 'OTHER';

const BY_CODE = new Map<string, Tracer>([
  ['35321007', 'FDG'], // Fluorodeoxyglucose F^18^ (SCT)
  ['C-B1031', 'FDG'], // same, SRT
  ['422598008', 'FMISO'], // Fluoromisonidazole F^18^ (SCT)
  ['C-B07E1', 'FMISO'], // same, SRT
  ['764937002', 'FLT'], // Fluorothymidine F^18^ (SCT)
  ['C-B1036', 'FLT'], // Thymidine (FLT) F^18^, SRT
  ['C118961', 'PSMA'], // PSMA-11 Ga^68^ (NCIt)
  ['126758', 'PSMA'], // PSMA-1007 F^18^ (DCM)
  ['126759', 'PSMA'], // PSMA-617 Ga^68^ (DCM)
  ['C116352', 'PSMA'], // Piflufolastat F^18^ (DCFPyL, NCIt)
  ['724025002', 'DOTATATE'], // Dotatate Ga^68^ (SCT)
  ['C1742831', 'DOTATATE'], // tyrosine-3-octreotate Ga^68^ (UMLS)
]);

const BY_NAME: [RegExp, Tracer][] = [
  [/\bFDG\b|fluorodeoxyglucose|fludeoxyglucose/i, 'FDG'],
  [/\bF?MISO\b|misonidazole/i, 'FMISO'],
  [/\bFLT\b|fluorothymidine|thymidine/i, 'FLT'],
  [/FAPI/i, 'FAPI'],
  [/PSMA|DCFPyL|piflufolastat|gozetotide/i, 'PSMA'],
  [/DOTA-?TATE|octreotate|\bTATE\b/i, 'DOTATATE'],
];

export function tracerFromCode(code: CodedConcept | undefined): Tracer | undefined {
  return code?.codeValue === undefined ? undefined : BY_CODE.get(code.codeValue.trim());
}

export function tracerFromName(...names: (string | undefined)[]): Tracer | undefined {
  for (const name of names) {
    if (!name) continue;
    const hit = BY_NAME.find(([pattern]) => pattern.test(name));
    if (hit) return hit[1];
  }

  return undefined;
}
