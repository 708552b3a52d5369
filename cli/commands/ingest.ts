import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';

import type { ManifestRow } from '@/server/ingest/manifest-parse';
import { parseManifest } from '@/server/ingest/manifest-parse';
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
    '  --manifest F     a CSV or JSON manifest of NIfTI/NRRD images and label maps, with',
    '                   columns patient, date, series_type, tracer, image, mask, units',
    '',
    'Exits 1 when nothing could be ingested or the run failed.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        'window-days': { type: 'string' },
        manifest: { type: 'string', multiple: true },
      },
    });
    const manifestPaths = values.manifest ?? [];
    if (positionals.length === 0 && manifestPaths.length === 0) {
      throw new UsageError('Name at least one file, folder, zip or --manifest.');
    }
    const windowDays = Number(values['window-days'] ?? 0);
    if (!Number.isInteger(windowDays) || windowDays < 0) {
      throw new UsageError('--window-days takes a whole number of days, 0 or more.');
    }

    const sources = await expandSources(positionals);
    const manifests = await readManifests(manifestPaths);
    sources.rejected.push(...manifests.errors);
    io.err(`Reading ${sources.files.length} files...`);
    const summary = await withServices('hallmark ingest', ({ database, dataDir }) =>
      runIngest(sources.files, sources.rejected, {
        db: database.db,
        dataDir,
        source: 'cli',
        timepointWindowDays: windowDays,
        manifestRows: manifests.rows,
        onProgress: progressPrinter(io.err),
      }),
    );
    const { jobId: _job, ...document } = summary;
    if (values.json) io.out(JSON.stringify(document, null, 2));
    else printHuman(summary, io.out);

    return summary.ingested + summary.unchanged > 0 ? 0 : 1;
  },
};

async function readManifests(paths: string[]) {
  const out = { rows: [] as ManifestRow[], errors: [] as { path: string; reason: string }[] };
  for (const file of paths) {
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      out.errors.push({ path: file, reason: 'The manifest cannot be read.' });
      continue;
    }
    try {
      const parsed = parseManifest(text, file);
      out.rows.push(...parsed.rows);
      out.errors.push(...parsed.errors);
    } catch (err) {
      out.errors.push({ path: file, reason: `Not a valid manifest (${(err as Error).message}).` });
    }
  }

  return out;
}

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
    `Ingested ${summary.ingested}, unchanged ${summary.unchanged}, ` +
      `rejected ${summary.rejected.length}.`,
  );
  for (const r of summary.rejected) out(`  rejected ${r.path}: ${r.reason}`);
  for (const p of summary.patients) {
    out(`  ${p.patientId}: ${p.timepoints} timepoints, ${p.series} series`);
  }
}
