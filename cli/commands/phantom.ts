/** `hallmark phantom`: writes a seeded phantom cohort (DICOM, ground truth, therapy CSV). */
import path from 'node:path';
import type { Command, CommandIo } from '../command';
import { UsageError } from '../command';
import type { CohortSummary, PhantomSize } from '@/server/phantom';
import { generateCohort, PHANTOM_SIZES } from '@/server/phantom';
import { isAppError } from '@/server/lib/errors';

const USAGE = `hallmark phantom --out <dir> --patients <n> --seed <s>
                 [--size small|demo|full] [--unenhanced-ct] [--separate-mr-frame] [--json]

Writes <dir>/dicom/<patient>/<timepoint>/<series>/*.dcm, <dir>/ground-truth.json and
<dir>/therapy.csv. The same seed always gives the same files. --unenhanced-ct adds a
non-contrast CT to every timepoint (the CT then carries a contrast agent), for CT
enhancement. --separate-mr-frame writes the MR maps of each timepoint as a study of their
own (same date, own Frame of Reference, another known pose), for series registration.`;

interface PhantomArgs {
  outDir: string;
  patients: number;
  seed: number;
  size: PhantomSize;
  unenhancedCt: boolean;
  separateMrFrame: boolean;
  json: boolean;
}

function wholeNumber(flag: string, text: string | undefined): number {
  if (text === undefined || !/^-?\d+$/.test(text))
    throw new UsageError(`${flag} needs a whole number.`);

  return Number(text);
}

export function parsePhantomArgs(args: string[]): PhantomArgs {
  const values = new Map<string, string | undefined>();
  let json = false;
  let unenhancedCt = false;
  let separateMrFrame = false;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (flag === '--json') json = true;
    else if (flag === '--unenhanced-ct') unenhancedCt = true;
    else if (flag === '--separate-mr-frame') separateMrFrame = true;
    else if (['--out', '--patients', '--seed', '--size'].includes(flag))
      values.set(flag, args[++i]);
    else throw new UsageError(`Unknown option "${flag}".`);
  }
  const out = values.get('--out');
  if (!out) throw new UsageError('--out <dir> is required.');
  const size = (values.get('--size') ?? 'small') as PhantomSize;
  if (!PHANTOM_SIZES.includes(size))
    throw new UsageError(`--size must be one of ${PHANTOM_SIZES.join(', ')}.`);

  return {
    outDir: path.resolve(out),
    patients: wholeNumber('--patients', values.get('--patients')),
    seed: wholeNumber('--seed', values.get('--seed')),
    size,
    unenhancedCt,
    separateMrFrame,
    json,
  };
}

function describe(summary: CohortSummary): string {
  return [
    `Wrote ${summary.patients} patients, ${summary.timepoints} timepoints, ` +
      `${summary.series} series and ${summary.lesions} lesions`,
    `to ${summary.outDir} in ${(summary.durationMs / 1000).toFixed(1)} s.`,
    `Ground truth: ${summary.groundTruthFile}`,
    `Therapy: ${summary.therapyFile}`,
  ].join('\n');
}

async function run(args: string[], io: CommandIo): Promise<number> {
  const options = parsePhantomArgs(args);
  let lastTenth = -1;
  try {
    const summary = await generateCohort({
      ...options,
      onProgress: (done, total) => {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== lastTenth) io.err(`phantom: ${done}/${total} series written`);
        lastTenth = tenth;
      },
    });
    io.out(options.json ? JSON.stringify(summary, null, 2) : describe(summary));

    return 0;
  } catch (err) {
    if (!isAppError(err) || err.code !== 'BAD_INPUT') throw err;
    io.err(err.userMessage);

    return 2;
  }
}

export const phantomCommand: Command = {
  name: 'phantom',
  summary: 'Generate a seeded phantom cohort (DICOM + ground truth) for tests and demos',
  usage: USAGE,
  run,
};
