import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { importTherapy } from '@/server/therapy/import';
import { parseTherapyText } from '@/server/therapy/parse';

import type { Command } from '../command';
import { UsageError } from '../command';
import { withServices } from '../with-services';

export const therapyCommand: Command = {
  name: 'therapy',
  summary: 'Import therapy lines (CSV or JSON)',
  usage: [
    'hallmark therapy import <file.csv|file.json> [--json]',
    '',
    'Columns: patient_id, agent, line, start, end, arm, cohort (dates as yyyy-mm-dd).',
    'A file with any bad row imports nothing; every bad row is listed.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' } },
    });
    const [verb, file] = positionals;
    if (verb !== 'import' || !file) throw new UsageError('Use: hallmark therapy import <file>.');

    const text = await fs.readFile(file, 'utf8');
    const parsed = parseTherapyText(text, file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
    if (parsed.errors.length > 0) {
      io.err(`Nothing imported; fix these rows in ${file}:\n  ${parsed.errors.join('\n  ')}`);

      return 1;
    }
    const result = await withServices('hallmark therapy import', ({ database }) =>
      importTherapy(database.db, parsed.rows),
    );
    io.out(
      values.json
        ? JSON.stringify(result)
        : `Added ${result.added} therapy lines, ` +
            `${result.unchanged} already present, ${result.patientsCreated} new patients.`,
    );

    return 0;
  },
};
