/** Lesion tracking per patient: run it, read it back, record a reader's decisions. */
export {
  recordDecision, recordReviewAction, type DecisionRequest, type ReviewActionRequest,
} from './decisions';
export { loadLesionTable, type LesionTable, type ObservationView, type TrackView } from
  './read-tracks';
export {
  rematchPatient, trackPatient, type TrackOptions, type TrackProgress, type TrackSummary,
} from './track-patient';
export { tracksDocument, type TracksDocument } from './tracks-document';
export { startTracking, trackingStatus, type TrackingJob } from './background';
