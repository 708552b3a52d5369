import { parseArgs } from 'node:util';

import { listPatientsForExport } from '@/server/patients/export';

import type { Command } from '../command';
import { withServices } from '../with-services';

export const patientsCommand: Command = {
  name: 'patients',
  summary: 'List patients with their timepoints and series',
  usage: 'hallmark patients [--json]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
    const list = await withServices('hallmark patients', ({ database }) =>
      listPatientsForExport(database.db),
    );
    if (values.json) {
      io.out(JSON.stringify(list, null, 2));

      return 0;
    }
    for (const p of list) {
      io.out(`${p.patientId}  arm: ${p.arm ?? '-'}  timepoints: ${p.timepoints.length}`);
      for (const t of p.timepoints) {
        const types = t.series.map((s) => s.seriesType).join(', ');
        io.out(`  ${t.index}  ${t.date}${t.baseline ? ' (baseline)' : ''}  ${types}`);
      }
    }

    return 0;
  },
};
