import { parseArgs } from 'node:util';

import { SIGNAL_CATALOGUE } from '@/server/signals';
import {
  computePatientSignals,
  readPatientSignals,
  type SignalProgress,
  type SignalsDocument,
} from '@/server/signals-store';

import type { Command } from '../command';
import { onePatientId } from '../command';
import { withServices } from '../with-services';

export const signalsCommand: Command = {
  name: 'signals',
  summary: "Compute and show a patient's hallmark signals per lesion and timepoint",
  usage: [
    'hallmark signals <patientId> [--json] [--no-compute]',
    '',
    '  Computes every lesion signal from the stored images (replacing automatic values;',
    '  a liver sphere placed by hand is kept), then prints them per lesion and timepoint.',
    '  --no-compute  only read what was stored by the last computation',
    '  --json        print { patientId, run, lesions, values, references, growth,',
    '                newLesions } as JSON',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      allowNegative: true,
      options: { json: { type: 'boolean' }, compute: { type: 'boolean', default: true } },
    });
    const patientId = onePatientId(positionals);

    const doc = await withServices('hallmark signals', async ({ database, dataDir }) => {
      if (values.compute) {
        await computePatientSignals(database.db, dataDir, patientId, progressLine(io.err));
      }

      return readPatientSignals(database.db, patientId);
    });
    if (values.json) io.out(JSON.stringify(doc, null, 2));
    else printDocument(doc, io.out);

    return 0;
  },
};

function progressLine(err: (text: string) => void) {
  return (p: SignalProgress) =>
    err(`  timepoint ${p.timepoint} of ${p.timepoints} (${p.date}): ${p.masks} lesion masks`);
}

const ORDER = new Map(SIGNAL_CATALOGUE.map((s, n) => [s.id, n]));

/** Masks tracking made, named on their date's line; a SEG segment goes unnamed. */
const MASK_NAMES: Record<string, string> = {
  propagated: 'propagated mask, to review',
  threshold: 'PET outline',
};

export function printDocument(doc: SignalsDocument, out: (text: string) => void): void {
  if (!doc.run) out('No signals stored: run `hallmark signals <patientId>` without --no-compute.');
  else if (doc.run.stale) out(`Stored values are stale: ${doc.run.staleReason}.`);
  if (!doc.tracked) out('Lesions are not tracked yet (hallmark track): listed per segment.');
  for (const r of doc.references) {
    const value =
      r.suvMean === null
        ? `none (${r.note})`
        : `SUV ${r.suvMean.toFixed(2)}` +
          (r.sulMean === null ? '' : `, SUL ${r.sulMean.toFixed(2)} ± ${r.sulSd?.toFixed(2)}`);
    out(`${r.date}  ${r.kind} reference (${r.placement}): ${value}`);
  }
  for (const lesion of doc.lesions) {
    out(`\n${lesion.label}`);
    const own = doc.values
      .filter((v) => v.lesionKey === lesion.key && v.value !== null)
      .sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          (ORDER.get(a.signalId) ?? 0) - (ORDER.get(b.signalId) ?? 0),
      );
    for (const date of new Set(own.map((v) => v.date))) {
      const onDate = own.filter((v) => v.date === date);
      const cells = onDate
        .map((v) => `${v.signalId}=${formatValue(v.value!)}${v.unit ? ` ${v.unit}` : ''}`);
      const madeBy = onDate.find((v) => v.madeBy)?.madeBy;
      const mask = madeBy ? ` (${MASK_NAMES[madeBy] ?? madeBy})` : '';
      out(`  ${date}${mask}  ${cells.join('  ')}`);
    }
  }
}

function formatValue(value: number): string {
  return Math.abs(value) >= 100 || value === 0 ? value.toFixed(1) : value.toPrecision(3);
}
