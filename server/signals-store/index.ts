/** Hallmark signals per patient: compute from stored pixels, persist, read back, export. */
export {
  computePatientSignals, type ComputeSummary, type SignalProgress,
} from './compute';
export { signalsStatus, startSignals, type SignalsJob } from './background';
export { readPatientSignals, type SignalPoint, type SignalsDocument } from './read-document';
export { signalsCsv, SIGNALS_CSV_HEADER } from './csv';
export { placeLiverByHand } from './user-liver';
export {
  DEFAULT_SIGNAL_SETTINGS, readSignalSettings, saveSignalSettings, signalSettingsSchema,
  type SignalSettings,
} from './settings';
export { uncropMask } from './images';
