import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseDicom } from '../parse';
import { dataFolder } from '@/server/testing/shared-data';

const ct = dataFolder('ibsi1/ct_phantom_pat1/dicom/image');

describe.skipIf(!ct.present)('parseDicom input types', () => {
  it('decodes the same pixels from a Node Buffer as from a copied Uint8Array', () => {
    const file = path.join(ct.folder, 'DCM_IMG_00000.dcm');
    const fromBuffer = parseDicom(readFileSync(file), file).decodeFrame(0);
    const fromCopy = parseDicom(new Uint8Array(readFileSync(file)), file).decodeFrame(0);

    // 204 x 201 pixels: the frame, not the whole file.
    expect(fromBuffer.length).toBe(204 * 201);
    expect(Array.from(fromBuffer)).toEqual(Array.from(fromCopy));
  });
});
