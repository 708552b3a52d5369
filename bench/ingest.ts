/**
 * Ingest throughput and series assembly speed.
 *
 *   npx tsx bench/ingest.ts [--patients N] [--size small|demo|full] [--runs R]
 *
 * 1. Generates a phantom cohort, ingests it into a fresh PGlite database and prints
 *    files/s and MB/s (median of R runs, each into a new database).
 * 2. Assembles CT series from the same files with Hallmark (parse + assemble) and with
 *    dcm2niix (Debian package, writing uncompressed NIfTI), and prints the median
 *    times and their ratio. Aim: Hallmark no slower than 2x dcm2niix.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { openDatabase } from '../db/client';
import { loadCodecs, parseDicom } from '../server/imaging/dicom';
import { assembleVolume } from '../server/imaging/dicom/volume/assemble';
import { runIngest } from '../server/ingest/pipeline';
import { expandSources } from '../server/ingest/sources';
import { generateCohort } from '../server/phantom/cohort';

const { values } = parseArgs({
  options: {
    patients: { type: 'string', default: '3' },
    size: { type: 'string', default: 'demo' },
    runs: { type: 'string', default: '3' },
  },
});
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
process.env.HALLMARK_LOG_LEVEL ??= 'warn';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hallmark-bench-'));
const cohortDir = path.join(work, 'cohort');
let t0 = performance.now();
await generateCohort({
  outDir: cohortDir,
  patients: Number(values.patients),
  seed: 11,
  size: values.size as 'small' | 'demo' | 'full',
});
console.log(
  `generated ${values.patients} patients (${values.size}) in ${ms(performance.now() - t0)}`,
);

const files = listFiles(path.join(cohortDir, 'dicom'));
const totalMb = files.reduce((a, f) => a + fs.statSync(f).size, 0) / 1024 ** 2;
const ingestMs: number[] = [];
for (let r = 0; r < runs; r++) {
  const dataDir = path.join(work, `data-${r}`);
  const handle = await openDatabase({ dataDir, purpose: 'bench' });
  const sources = await expandSources([path.join(cohortDir, 'dicom')]);
  t0 = performance.now();
  const summary = await runIngest(sources.files, sources.rejected, {
    db: handle.db,
    dataDir,
    source: 'cli',
  });
  ingestMs.push(performance.now() - t0);
  await handle.close();
  if (summary.rejected.length > 0)
    throw new Error(`rejected: ${JSON.stringify(summary.rejected[0])}`);
}
const m = median(ingestMs) / 1000;
console.log(`\ningest: ${files.length} files, ${totalMb.toFixed(1)} MB, median of ${runs} runs`);
console.log(
  `  ${(files.length / m).toFixed(1)} files/s, ${(totalMb / m).toFixed(1)} MB/s, ${m.toFixed(2)} s`,
);

await loadCodecs();
const ctFolders = seriesFolders(path.join(cohortDir, 'dicom')).filter((d) =>
  /ct/i.test(path.basename(d)),
);
const ours: number[] = [];
const theirs: number[] = [];
for (const folder of ctFolders.slice(0, 5)) {
  const slices = listFiles(folder);
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    assembleVolume(slices.map((f) => parseDicom(new Uint8Array(fs.readFileSync(f)), f)));
    ours.push(performance.now() - t0);
    const out = fs.mkdtempSync(path.join(work, 'nii-'));
    t0 = performance.now();
    execFileSync('dcm2niix', ['-z', 'n', '-b', 'n', '-o', out, folder], { stdio: 'ignore' });
    theirs.push(performance.now() - t0);
  }
}
console.log(`\nassembly of ${ctFolders.slice(0, 5).length} CT series, ${runs} runs each (median):`);
console.log(
  `  hallmark ${ms(median(ours))}, dcm2niix ${ms(median(theirs))}, ` +
    `ratio ${(median(ours) / median(theirs)).toFixed(2)}x (aim <= 2x)`,
);
fs.rmSync(work, { recursive: true, force: true });

function ms(x: number): string {
  return `${x.toFixed(0)} ms`;
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function seriesFolders(dir: string): string[] {
  const out = new Set<string>();
  for (const f of listFiles(dir)) out.add(path.dirname(f));

  return [...out].sort();
}
