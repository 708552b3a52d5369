/**
 * Header parsing speed: dicom-parser against dcmjs, on the public sample files and the
 * IBSI CT phantom slices. Both stop at Pixel Data, which is what ingest needs per file.
 *
 *   npx tsx bench/dicom-parse.ts [runs]
 *
 * Decision (server/imaging/dicom/read-dataset.ts): dicom-parser. On this machine it
 * parsed headers several times faster than dcmjs (figures below are printed, not
 * stored), it keeps element offsets instead of copying values (so we can check every
 * length against the real byte count ourselves), and it reads files without a file
 * meta header when told the transfer syntax. dcmjs refuses those and builds a full
 * naturalised object per file, which ingest does not need.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import dicomParser from 'dicom-parser';

interface DcmjsModule {
  data: { DicomMessage: { readFile(buffer: ArrayBuffer, options?: object): unknown } };
  log: { getLoggers(): Record<string, { setLevel(level: string): void }> };
}

const require = createRequire(import.meta.url);
const dcmjs = require('dcmjs') as DcmjsModule;
// dcmjs warns on stdout for every odd VR; the timing should not include printing.
for (const log of Object.values(dcmjs.log.getLoggers())) log.setLevel('silent');

const dataRoot = path.resolve(import.meta.dirname, '..', '../shared/data');
const folders = [
  path.join(dataRoot, 'dicom-samples/pydicom'),
  path.join(dataRoot, 'dicom-samples/pydicom-data'),
  path.join(dataRoot, 'ibsi1/ct_phantom_pat1/dicom/image'),
];

type Parser = (bytes: Uint8Array) => void;

const parsers: Record<string, Parser> = {
  'dicom-parser': (bytes) => {
    dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  },
  dcmjs: (bytes) => {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    dcmjs.data.DicomMessage.readFile(buffer as ArrayBuffer, { untilTag: '7FE00010' });
  },
};

function loadFiles(): Uint8Array[] {
  return folders
    .filter((folder) => statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    .flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => name.endsWith('.dcm'))
        .map((name) => new Uint8Array(readFileSync(path.join(folder, name)))),
    );
}

/** Files the parser handles at all; a parser is only timed on files it accepts. */
function acceptedBy(parse: Parser, files: Uint8Array[]): Uint8Array[] {
  return files.filter((bytes) => {
    try {
      parse(bytes);

      return true;
    } catch {
      return false;
    }
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeRuns(parse: Parser, files: Uint8Array[], runs: number): number {
  const durationsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const bytes of files) parse(bytes);
    durationsMs.push(performance.now() - start);
  }

  return median(durationsMs);
}

function main(): void {
  const runs = Number(process.argv[2] ?? 9);
  const files = loadFiles();
  if (files.length === 0) {
    process.stderr.write(`No DICOM files under ${dataRoot}; nothing to measure.\n`);
    process.exitCode = 1;

    return;
  }

  process.stdout.write(`${files.length} files, median of ${runs} runs\n`);
  for (const [name, parse] of Object.entries(parsers)) {
    const accepted = acceptedBy(parse, files);
    const megabytes = accepted.reduce((sum, bytes) => sum + bytes.byteLength, 0) / 1e6;
    const medianMs = timeRuns(parse, accepted, runs);
    const filesPerS = (accepted.length / medianMs) * 1000;
    const mbPerS = (megabytes / medianMs) * 1000;
    process.stdout.write(
      `${name.padEnd(13)} accepted ${accepted.length}/${files.length}  ` +
        `median ${medianMs.toFixed(1)} ms  ${filesPerS.toFixed(0)} files/s  ` +
        `${mbPerS.toFixed(0)} MB/s\n`,
    );
  }
}

main();
