import { parseArgs } from 'node:util';

import { reviewList } from '@/lib/review-list';
import { loadLesionTable, tracksDocument, type LesionTable } from '@/server/lesions';
import type { RegistrationQuality } from '@/server/tracking';

import type { Command } from '../command';
import { onePatientId } from '../command';
import { withServices } from '../with-services';

export const tracksCommand: Command = {
  name: 'tracks',
  summary: "Show a patient's tracked lesions per timepoint",
  usage: [
    'hallmark tracks <patientId> [--json]',
    '',
    '  --json  print { patientId, timepoints, lesions } (positions in LPS mm) as JSON',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' } },
    });
    const patientId = onePatientId(positionals);

    const table = await withServices('hallmark tracks', ({ database }) =>
      loadLesionTable(database.db, patientId),
    );
    if (values.json) io.out(JSON.stringify(tracksDocument(table), null, 2));
    else printTable(table, io.out);

    return 0;
  },
};

export function printTable(table: LesionTable, out: (text: string) => void): void {
  for (const t of table.timepoints) {
    const r = t.registration;
    const judged = r.quality ? ` (${qualityBrief(r.quality)})` : '';
    out(`  ${t.index}  ${t.studyDate}  registration ${r.status}${judged}` +
      `${r.reason ? `: ${r.reason}` : ''}`);
    for (const s of r.series) {
      const name = `       ${s.modality} "${s.description ?? ''}"`;
      if (s.status === 'failed') out(`${name} unregistered: ${s.reason ?? ''}`);
      else out(`${name} registered to the CT${s.quality ? ` (${qualityBrief(s.quality)})` : ''}`);
    }
  }
  if (table.lesions.length === 0) out('No tracked lesions: run `hallmark track` first.');
  for (const lesion of table.lesions) {
    const cells = lesion.observations.map((o) =>
      o.present
        ? `${o.timepoint}:${o.volumeMl?.toFixed(2)}ml/${o.longestDiameterMm?.toFixed(1)}mm`
        : `${o.timepoint}:-`,
    );
    out(`${lesion.label} (${lesion.status})  ${cells.join('  ')}`);
  }
  printReview(table, out);
}

/** The links the web app's review queue lists, so a script sees them too. */
function printReview(table: LesionTable, out: (text: string) => void): void {
  if (table.lesions.length === 0) return;
  const baseline = table.timepoints.findIndex((t) => t.registration.status === 'baseline');
  const items = reviewList(table.lesions, baseline);
  if (items.length === 0) {
    out('Nothing to review: every link is confident or was decided by a reader.');

    return;
  }
  out(`To review (${items.length}), in the web app's lesion table:`);
  for (const item of items) {
    out(`  ${item.label} at T${item.timepoint} ${item.studyDate}: ${item.reasons.join(', ')}`);
  }
}

/** What the registration was judged by, short enough for one line; --json has it all. */
function qualityBrief(q: RegistrationQuality): string {
  const dice = q.bodyOverlapDice === null ? null : `body Dice ${q.bodyOverlapDice.toFixed(3)}`;

  return [dice, `elastix ${q.engine ?? 'wasm'}`, `${(q.durationMs / 1000).toFixed(1)} s`]
    .filter(Boolean).join(', ');
}
