/** The parser's refusals on hand-built files, and its explicit flag for bare datasets. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDicom } from '../parse';
import { isDicomRejection } from '../rejection';
import { concat, ctImage, element, part10 } from './build-dicom';
import { dataFolder } from '@/server/testing/shared-data';

function refusal(bytes: Uint8Array) {
  try {
    parseDicom(bytes, 'test.dcm');
  } catch (err) {
    if (isDicomRejection(err)) return { code: err.code, reason: err.reason };
    throw err;
  }

  return undefined;
}

describe('parseDicom guards', () => {
  it('reads a well-formed 2x2 image', () => {
    const pixels = new Uint8Array(new Int16Array([1, -2, 300, -400]).buffer);
    const instance = parseDicom(part10(ctImage(2, 2, pixels)), 'ok.dcm');

    expect(Array.from(instance.decodeFrame(0))).toEqual([1, -2, 300, -400]);
    expect(instance.withoutFileMeta).toBe(false);
    expect(instance.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses bytes that are not DICOM', () => {
    const text = new TextEncoder().encode(
      'this is a radiology report, not an image file\n'.repeat(5),
    );

    expect(refusal(text)?.code).toBe('NOT_DICOM');
  });

  it('refuses absurd dimensions before touching the pixels', () => {
    // 65535 x 65535 x 1000 frames x 2 bytes is about 8.6 TB, far past the 1 GiB limit.
    const found = refusal(part10(ctImage(65535, 65535, new Uint8Array(8), 1000)));

    expect(found?.code).toBe('ABSURD_DIMENSIONS');
    expect(found?.reason).toMatch(/^65535x65535x1000 frames would need 8589672450000 bytes/);
  });

  it('refuses pixel data shorter than the dimensions need', () => {
    // 4 x 4 x 2 bytes = 32 bytes needed; 30 given.
    const found = refusal(part10(ctImage(4, 4, new Uint8Array(30))));

    expect(found).toEqual({
      code: 'PIXEL_LENGTH_MISMATCH',
      reason:
        'Pixel Data holds 30 bytes but 4x4x1 frames need 32; the file is truncated or damaged.',
    });
  });

  it('refuses a length field that runs past the end of the file', () => {
    const image = ctImage(2, 2, new Uint8Array(8));
    const lying = concat([
      image.subarray(0, image.length - 20),
      element([0x0008, 0x103e, 'LO', 'AB'], 4000),
    ]);
    const found = refusal(part10(lying));

    expect(found?.code).toBe('TRUNCATED');
  });

  it('refuses an item longer than its enclosing sequence', () => {
    // A 16-byte sequence whose item claims 100 bytes: the item's length lies.
    const item = concat([
      new Uint8Array([0xfe, 0xff, 0x00, 0xe0, 100, 0, 0, 0]),
      new Uint8Array(8),
    ]);
    const sequence = element([0x0008, 0x1115, 'SQ', item], 16);
    const padding = element([0x0008, 0x1030, 'LO', 'x'.repeat(120)]);
    const found = refusal(part10(concat([sequence, padding, ctImage(2, 2, new Uint8Array(8))])));

    expect(found?.code).toBe('BAD_LENGTH');
    expect(found?.reason).toMatch(/^a length field points past its enclosing sequence/);
  });

  it('names an unsupported transfer syntax', () => {
    const found = refusal(part10(ctImage(2, 2, new Uint8Array(8)), '1.2.840.10008.1.2.4.100'));

    expect(found?.reason).toMatch(/^MPEG2 Main Profile is not supported: /);
  });

  it('refuses SOP classes that are not images', () => {
    const plan = concat([element([0x0008, 0x0016, 'UI', '1.2.840.10008.5.1.4.1.1.481.5'])]);

    expect(refusal(part10(plan))?.reason).toMatch(
      /^SOP class RT Plan is not an image Hallmark reads/,
    );
  });
});

const { folder, present } = dataFolder('dicom-samples');

describe.skipIf(!present)('datasets without file meta', () => {
  it('accepts CT_small without its preamble and file meta, and says so', () => {
    const whole = new Uint8Array(readFileSync(path.join(folder, 'pydicom/CT_small.dcm')));
    const withMeta = parseDicom(whole, 'CT_small.dcm');
    // (0002,0000) File Meta Group Length at byte 132 counts the meta bytes after it.
    const view = new DataView(whole.buffer, whole.byteOffset);
    expect(view.getUint16(132, true) === 2 && view.getUint16(134, true) === 0).toBe(true);
    const start = 132 + 12 + view.getUint32(140, true);
    const bare = parseDicom(whole.subarray(start), 'bare.dcm');
    const hash = (a: ArrayBufferView) =>
      createHash('sha256')
        .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
        .digest('hex');

    expect(bare.withoutFileMeta).toBe(true);
    expect(withMeta.withoutFileMeta).toBe(false);
    expect(hash(bare.decodeFrame(0))).toBe(hash(withMeta.decodeFrame(0)));
  });
});
