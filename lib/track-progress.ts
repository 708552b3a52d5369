/**
 * Tracking progress in words, for the web app's track button and the CLI alike. The
 * phases are trackPatient's; the counts are registrations finished, not started, since
 * two run at once on a machine with two cores.
 */
export interface TrackProgressView {
  phase: string;
  done: number;
  total: number;
}

export function describeTrackProgress(p: TrackProgressView): string {
  switch (p.phase) {
    case 'loading':
      return 'Reading scans';
    case 'registering':
      return `Registering follow-ups to baseline: ${p.done} of ${p.total} done`;
    case 'registering-series':
      return `Registering series in other frames: ${p.done} of ${p.total} done`;
    case 'matching':
      return 'Matching lesions across timepoints';
    case 'saving':
      return 'Saving the tracks';
    case 'done':
      return 'Done';
    default:
      return p.phase;
  }
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
