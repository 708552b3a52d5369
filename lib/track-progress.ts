/**
 * Tracking progress in words, for the web app's track button and the CLI alike. The
 * phases are trackPatient's; the counts are registrations finished, not started, since
 * two run at once on a machine with two cores.
 */
import type { TrackPhase } from '@/server/lesions/track-patient';

export interface TrackProgressView {
  phase: string;
  done: number;
  total: number;
}

type Words = (p: TrackProgressView) => string;

// Keyed by trackPatient's own phases, so a phase added there fails to compile here.
const PHASE_WORDS: Record<TrackPhase, Words> = {
  loading: () => 'Reading scans',
  registering: (p) => `Registering follow-ups to baseline: ${p.done} of ${p.total} done`,
  'registering-series': (p) => `Registering series in other frames: ${p.done} of ${p.total} done`,
  matching: () => 'Matching lesions across timepoints',
  saving: () => 'Saving the tracks',
  done: () => 'Done',
};

/** The phase in words; a phase this build does not know is shown as it is named. */
export function describeTrackProgress(p: TrackProgressView): string {
  // The status arrives over the API as a plain string.
  const words = (PHASE_WORDS as Record<string, Words | undefined>)[p.phase];

  return words ? words(p) : p.phase;
}

/** The share of the work done, 0 to 1, for a progress bar that only moves forward. */
export function trackProgressFraction(p: TrackProgressView): number {
  // Registration is most of the time; the rest gets the last tenth.
  if (p.phase === 'loading') return 0;
  if (p.phase === 'registering') return p.total > 0 ? 0.8 * (p.done / p.total) : 0.8;
  if (p.phase === 'registering-series') {
    return 0.8 + (p.total > 0 ? 0.1 * (p.done / p.total) : 0.1);
  }

  return p.phase === 'done' ? 1 : 0.9;
}
