/**
 * The Contrast/Bolus module (C.7.6.4): what was injected, how, how much and when. Read
 * for every image; server/imaging/dicom/contrast-phase.ts decides what it means for a CT.
 */
import type { DataSet } from 'dicom-parser';
import { decimal, text } from './values';

export interface ContrastBolusFields {
  /** (0018,0010) Contrast/Bolus Agent, free text such as 'IOHEXOL' or 'OMNIPAQUE 350'. */
  agent?: string;
  /** (0018,1040) Contrast/Bolus Route, e.g. 'IV' or 'ORAL'. */
  route?: string;
  /** (0018,1041) Contrast/Bolus Volume in ml. */
  volumeMl?: number;
  /** (0018,1042) Contrast/Bolus Start Time (TM). */
  startTime?: string;
}

/** Undefined when none of the four elements carries a value. */
export function readContrastBolus(ds: DataSet): ContrastBolusFields | undefined {
  const fields: ContrastBolusFields = {
    agent: text(ds, 'x00180010')?.trim() || undefined,
    route: text(ds, 'x00181040')?.trim() || undefined,
    volumeMl: decimal(ds, 'x00181041'),
    startTime: text(ds, 'x00181042')?.trim() || undefined,
  };
  const present = Object.values(fields).some((v) => v !== undefined);

  return present ? fields : undefined;
}
