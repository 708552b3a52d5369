import { parseArgs } from 'node:util';

import { loadLesionTable, tracksDocument, type LesionTable } from '@/server/lesions';

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

function printTable(table: LesionTable, out: (text: string) => void): void {
  for (const t of table.timepoints) {
    const r = t.registration;
    out(`  ${t.index}  ${t.studyDate}  registration ${r.status}${r.reason ? `: ${r.reason}` : ''}`);
    for (const s of r.series.filter((x) => x.status === 'failed')) {
      out(`       ${s.modality} "${s.description ?? ''}" unregistered: ${s.reason ?? ''}`);
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
}
