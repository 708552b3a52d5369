import { parseArgs } from 'node:util';

import { describeTrackProgress } from '@/lib/track-progress';
import { trackPatient, type TrackProgress } from '@/server/lesions';

import type { Command } from '../command';
import { onePatientId } from '../command';
import { withServices } from '../with-services';

export const trackCommand: Command = {
  name: 'track',
  summary: "Register a patient's follow-up CTs to baseline and track every lesion",
  usage: [
    'hallmark track <patientId> [--json]',
    '',
    "  Replaces the patient's automatic tracking results; decisions made by readers",
    '  (confirm, relink, mark new) are kept and applied again.',
    '  --json  print { timepoints, tracks, failedRegistrations, failedSeriesRegistrations,',
    '          durationMs } as JSON',
    '',
    '  Registration runs elastix\'s bundled WebAssembly build; with',
    '  HALLMARK_REGISTRATION_ENGINE=native it runs the installed elastix command instead',
    '  (about twice as fast on two cores).',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' } },
    });
    const patientId = onePatientId(positionals);

    const summary = await withServices('hallmark track', ({ database, dataDir }) =>
      trackPatient(database.db, dataDir, patientId, { onProgress: progressLine(io.err) }),
    );
    if (values.json) io.out(JSON.stringify(summary, null, 2));
    else {
      io.out(
        `${patientId}: ${summary.tracks} lesions over ${summary.timepoints} timepoints ` +
          `in ${(summary.durationMs / 1000).toFixed(1)} s.`,
      );
    }
    if (summary.failedRegistrations > 0) {
      io.err(
        `${summary.failedRegistrations} registration(s) failed; those timepoints were ` +
          'matched in their scanner frames and are flagged for review (hallmark tracks).',
      );
    }
    if (summary.failedSeriesRegistrations > 0) {
      io.err(
        `${summary.failedSeriesRegistrations} series in another frame than their CT could ` +
          'not be registered; their values are read unregistered and flagged (hallmark tracks).',
      );
    }

    return 0;
  },
};

/** One line per change: the final report of a phase repeats the one before it. */
function progressLine(err: (text: string) => void) {
  let last = '';

  return (p: TrackProgress) => {
    const line = describeTrackProgress(p);
    const nothingToDo = p.phase === 'registering-series' && p.total === 0;
    if (p.phase === 'done' || nothingToDo || line === last) return;
    last = line;
    err(`  ${line}`);
  };
}
