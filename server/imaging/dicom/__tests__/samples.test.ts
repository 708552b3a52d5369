/**
 * Validation on the public sample files (shared/data/dicom-samples): decoded pixels must
 * hash to the values pydicom published in manifest.csv, match the pixel values and
 * lossless equivalences in pixel_reference_checks.csv, and broken files must be refused
 * with a reason rather than crash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodecs } from '../codecs/load';
import type { DicomInstance, FramePixels } from '../instance';
import { parseDicom } from '../parse';
import { isDicomRejection } from '../rejection';
import { dataFolder } from '@/server/testing/shared-data';

const { folder, present } = dataFolder('dicom-samples');
const outcomes: { file: string; check: string; result: string }[] = [];

function csv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path.join(folder, name), 'utf8').trim().split(/\r?\n/);
  const columns = splitCsv(head!);

  return lines.map((line) => Object.fromEntries(splitCsv(line).map((v, i) => [columns[i]!, v])));
}

function splitCsv(line: string): string[] {
  return [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1]!);
}

const open = (file: string): DicomInstance =>
  parseDicom(new Uint8Array(readFileSync(path.join(folder, file))), file);

function allFrames(instance: DicomInstance): FramePixels[] {
  return Array.from({ length: instance.frames }, (_, i) => instance.decodeFrame(i));
}

function pixelSha256(frames: FramePixels[]): string {
  const hash = createHash('sha256');
  for (const f of frames) hash.update(new Uint8Array(f.buffer, f.byteOffset, f.byteLength));

  return hash.digest('hex');
}

/** '24' -> [24]; '36:40' -> [36, 37, 38, 39] (Python slice, end excluded). */
function indices(selector: string): number[] {
  const [from, to] = selector.split(':').map(Number);

  return to === undefined ? [from!] : Array.from({ length: to - from! }, (_, k) => from! + k);
}

function rejectionOf(run: () => unknown) {
  try {
    run();
  } catch (err) {
    if (isDicomRejection(err)) return err;
    throw err;
  }

  return undefined;
}

describe.skipIf(!present)('DICOM sample files', () => {
  beforeAll(() => loadCodecs());
  afterAll(() => {
    const width = Math.max(...outcomes.map((o) => o.file.length));
    const lines = outcomes.map(
      (o) => `${o.file.padEnd(width)}  ${o.check.padEnd(10)}  ${o.result}`,
    );
    console.log(`\nDICOM sample checks\n${lines.join('\n')}`);
  });

  const manifest = present ? csv('manifest.csv').filter((row) => row.pixel_sha256_le) : [];
  it.each(manifest.map((row) => [row.file!, row]))(
    '%s decodes to the published hash',
    (file, row) => {
      const instance = open(file);
      expect(instance.rows).toBe(Number(row.rows));
      expect(instance.columns).toBe(Number(row.columns));
      expect(instance.transferSyntaxUid).toBe(row.transfer_syntax_uid);
      expect(pixelSha256(allFrames(instance))).toBe(row.pixel_sha256_le);
      outcomes.push({ file, check: 'sha256', result: 'pass' });
    },
  );

  const checks = present ? csv('pixel_reference_checks.csv') : [];
  const valueChecks = checks.filter((c) => /^[\d.;-]+$/.test(c.expected ?? ''));
  it.each(valueChecks.map((c, n) => [`${c.file} #${n}`, c]))(
    '%s has the published values',
    (_, c) => {
      const file = c.file!;
      const rejected = rejectionOf(() => open(file));
      if (rejected) {
        // Only the 12-bit JPEG Extended files are refused on purpose (no 12-bit codec here).
        expect(rejected.reason).toMatch(/^JPEG Extended 12-bit is not supported: /);
        outcomes.push({ file, check: 'values', result: 'refused by design (12-bit JPEG)' });

        return;
      }
      const instance = open(file);
      const frame = instance.decodeFrame(Number(c.frame || 0));
      const rows = indices(c.row_selector!);
      const cols = indices(c.col_selector!);
      const actual = rows.flatMap((r) => cols.map((col) => frame[r * instance.columns + col]!));
      const expected = c.expected!.split(';').map(Number);
      actual.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 6));
      expect(actual).toHaveLength(expected.length);
      outcomes.push({ file, check: 'values', result: 'pass' });
    },
  );

  const equalities = checks.filter((c) => c.expected?.startsWith('EQUALS '));
  it.each(equalities.map((c) => [c.file!, c.expected!.slice(7)]))('%s equals %s', (file, other) => {
    const mine = allFrames(open(file));
    const reference = allFrames(open(other));
    expect(mine).toHaveLength(reference.length);
    mine.forEach((frame, i) => expect(Array.from(frame)).toEqual(Array.from(reference[i]!)));
    outcomes.push({ file, check: 'equals', result: `pass (= ${other})` });
  });

  const broken = [
    ['pydicom/MR_truncated.dcm', 'TRUNCATED'],
    ['pydicom/badVR.dcm', 'BAD_VALUE'],
    // Cut inside a sequence: the parser sees a nested length overrun the file's end.
    ['pydicom/rtplan_truncated.dcm', 'BAD_LENGTH'],
    ['pydicom-data/emri_small_jpeg_2k_lossless_too_short.dcm', 'TRUNCATED'],
    ['pydicom/JPEG2000-embedded-sequence-delimiter.dcm', 'DECODE_FAILED'],
    ['pydicom/no_meta.dcm', 'NOT_DICOM'],
    ['pydicom/rtstruct.dcm', 'RTSTRUCT'],
    ['pydicom/JPGExtended.dcm', 'UNSUPPORTED_TRANSFER_SYNTAX'],
  ] as const;
  it.each(broken)('%s is refused with %s and a one-line reason', (file, code) => {
    const rejection = rejectionOf(() => allFrames(open(file)));
    expect(rejection?.code).toBe(code);
    expect(rejection?.reason).toMatch(/^[^\n]{20,}$/);
    outcomes.push({ file, check: 'refused', result: `${code}: ${rejection?.reason}` });
  });

  it('names RTSTRUCT in its refusal', () => {
    expect(rejectionOf(() => open('pydicom/rtstruct.dcm'))?.reason).toMatch(
      /^RTSTRUCT is not supported yet: /,
    );
  });
});
