/**
 * Series types Hallmark knows. Ingest assigns one from the headers; a user can pick
 * another when the headers mislead. Shared by server and browser code.
 */
export const SERIES_TYPES = [
  'CT',
  'PT',
  'MR',
  'MR_ADC',
  'MR_DCE_KTRANS',
  'MR_DCE',
  'SEG',
  'RTSTRUCT',
  'OTHER',
] as const;
