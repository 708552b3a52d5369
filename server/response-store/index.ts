/** Response assessment of tracked patients: build the engine input, run it, store overrides. */
export { assessPatient, loadResponseRows, type PatientResponse } from './assess-patient';
export type { CellView, LesionRow, ResponseRows, TimepointView } from './lesion-rows';
export { saveOverride, type OverrideNote, type OverrideRequest } from './overrides';
export { organFromRegion } from './organ-regions';
export { responseDocument, type ResponseDocument } from './document';
