import { parseArgs } from 'node:util';

import { runIngest } from '@/server/ingest/pipeline';
import { expandSources } from '@/server/ingest/sources';

import type { Command } from '../command';
import { UsageError } from '../command';
import { withServices } from '../with-services';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Ingest DICOM files, folders or zip archives',
  usage: [
    'hallmark ingest <file|folder|zip>... [--json] [--window-days N]',
    '',
    '  --json           print { ingested, unchanged, rejected, patients } as JSON',
    '  --window-days N  studies of a patient within N days form one timepoint (default 0)',
    '',
    'Exits 1 when nothing could be ingested or the run failed.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, 'window-days': { type: 'string' } },
    });
    if (positionals.length === 0) throw new UsageError('Name at least one file, folder or zip.');
    const windowDays = Number(values['window-days'] ?? 0);
    if (!Number.isInteger(windowDays) || windowDays < 0) {
      throw new UsageError('--window-days takes a whole number of days, 0 or more.');
    }

    const sources = await expandSources(positionals);
    io.err(`Reading ${sources.files.length} files...`);
    const summary = await withServices('hallmark ingest', ({ database, dataDir }) =>
      runIngest(sources.files, sources.rejected, {
        db: database.db,
        dataDir,
        source: 'cli',
        timepointWindowDays: windowDays,
        onProgress: progressPrinter(io.err),
      }),
    );
    const { jobId: _job, ...document } = summary;
    if (values.json) io.out(JSON.stringify(document, null, 2));
    else printHuman(summary, io.out);

    return summary.ingested + summary.unchanged > 0 ? 0 : 1;
  },
};

function progressPrinter(err: (text: string) => void) {
  let lastShown = 0;

  return (p: {
    phase: string;
    filesDone: number;
    filesTotal: number;
    series: { done: boolean }[];
  }) => {
    const now = Date.now();
    if (now - lastShown < 1000 && p.phase !== 'done') return;
    lastShown = now;
    const seriesDone = p.series.filter((s) => s.done).length;
    err(
      `  ${p.phase}: files ${p.filesDone}/${p.filesTotal}, series ${seriesDone}/${p.series.length}`,
    );
  };
}

function printHuman(
  summary: Awaited<ReturnType<typeof runIngest>>,
  out: (text: string) => void,
): void {
  out(
    `Ingested ${summary.ingested}, unchanged ${summary.unchanged}, rejected ${summary.rejected.length}.`,
  );
  for (const r of summary.rejected) out(`  rejected ${r.path}: ${r.reason}`);
  for (const p of summary.patients) {
    out(`  ${p.patientId}: ${p.timepoints} timepoints, ${p.series} series`);
  }
}
