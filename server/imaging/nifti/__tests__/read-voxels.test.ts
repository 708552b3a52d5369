import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { readNifti } from '../read';
import { buildNifti, CUBE_DIM, int16Ramp, type NiftiSpec } from './build-nifti';

const base: NiftiSpec = {
  dim: CUBE_DIM,
  datatype: 4,
  bitpix: 16,
  pixdim: [1, 1, 1, 1, 0, 0, 0, 0],
  qformCode: 1,
  voxels: int16Ramp(),
};

const bytesOf = (array: ArrayBufferView): Uint8Array =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

describe('readNifti voxel types', () => {
  const values = [0, 1, 2, 3, 4, 5, 6, 100];
  it.each([
    [2, 8, 'uint8', Uint8Array.from(values)],
    [4, 16, 'int16', Int16Array.from(values.map((v) => -v))],
    [512, 16, 'uint16', Uint16Array.from(values.map((v) => v * 600))],
    [8, 32, 'int32', Int32Array.from(values.map((v) => v * -70000))],
    [16, 32, 'float32', Float32Array.from(values.map((v) => v + 0.25))],
    [64, 64, 'float64', Float64Array.from(values.map((v) => v / 3))],
  ] as const)('reads datatype %i as %s', (datatype, bitpix, pixelType, stored) => {
    const volume = readNifti(buildNifti({ ...base, datatype, bitpix, voxels: bytesOf(stored) }));

    expect(volume.pixelType).toBe(pixelType);
    expect(Array.from(volume.data)).toEqual(Array.from(stored));
  });

  it('widens int8 to int16 and uint32 to float64 without loss', () => {
    const int8Voxels = bytesOf(Int8Array.from([-128, 127, 0, 0, 0, 0, 0, 1]));
    const uint32Voxels = bytesOf(Uint32Array.from([4_000_000_000, 0, 0, 0, 0, 0, 0, 7]));
    const int8 = readNifti(buildNifti({ ...base, datatype: 256, bitpix: 8, voxels: int8Voxels }));
    const uint32 = readNifti(
      buildNifti({ ...base, datatype: 768, bitpix: 32, voxels: uint32Voxels }),
    );

    expect(int8.pixelType).toBe('int16');
    expect(Array.from(int8.data)).toEqual([-128, 127, 0, 0, 0, 0, 0, 1]);
    expect(uint32.pixelType).toBe('float64');
    expect(uint32.data[0]).toBe(4_000_000_000);
  });

  it('applies scl_slope and scl_inter into float32', () => {
    // value = stored * 2 - 1000: stored 0..7 -> -1000, -998, ..., -986.
    const volume = readNifti(buildNifti({ ...base, sclSlope: 2, sclInter: -1000 }));

    expect(volume.pixelType).toBe('float32');
    expect(Array.from(volume.data)).toEqual([-1000, -998, -996, -994, -992, -990, -988, -986]);
  });

  it('ignores scl_slope 0 (the standard says no scaling) and keeps the stored type', () => {
    const volume = readNifti(buildNifti({ ...base, sclSlope: 0, sclInter: 5 }));

    expect(volume.pixelType).toBe('int16');
    expect(Array.from(volume.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads big-endian files', () => {
    const bigEndian = new Uint8Array(16);
    const view = new DataView(bigEndian.buffer);
    [0, 1, 2, 3, 4, 5, 6, -300].forEach((v, n) => view.setInt16(2 * n, v, false));
    const volume = readNifti(buildNifti({ ...base, littleEndian: false, voxels: bigEndian }));

    expect(Array.from(volume.data)).toEqual([0, 1, 2, 3, 4, 5, 6, -300]);
  });

  it('detects gzip by its magic bytes, whatever the file is called', () => {
    const volume = readNifti(gzipSync(buildNifti(base)));

    expect(Array.from(volume.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads a 2-D image as one slice', () => {
    const volume = readNifti(buildNifti({ ...base, dim: [2, 4, 2, 1, 1, 1, 1, 1] }));

    expect(volume.size).toEqual([4, 2, 1]);
  });
});

describe('readNifti refusals', () => {
  const refusal = (spec: Partial<NiftiSpec>) => () => readNifti(buildNifti({ ...base, ...spec }));

  it.each([
    [{ datatype: 32, bitpix: 64 }, 'NIfTI datatype complex64 is not supported.'],
    [{ datatype: 128, bitpix: 24 }, 'NIfTI datatype RGB24 is not supported.'],
    [{ datatype: 1024, bitpix: 64 }, 'NIfTI datatype int64 is not supported.'],
    [{ datatype: 99, bitpix: 8 }, 'NIfTI datatype unknown code 99 is not supported.'],
    [{ dim: [4, 2, 2, 1, 2, 1, 1, 1] }, 'NIfTI has 4 dimensions with more than one volume.'],
    [{ dim: [0, 2, 2, 2, 1, 1, 1, 1] }, 'NIfTI dim[0] is 0; it must be 1 to 7.'],
    [{ dim: [3, 2, 0, 2, 1, 1, 1, 1] }, 'NIfTI dimensions 2x0x2 are invalid.'],
    [{ magic: 'ni1' }, 'NIfTI header/image pairs (.hdr/.img) are not read.'],
    [{ magic: 'abc' }, 'Not a NIfTI file: magic is "abc".'],
    [{ voxels: new Uint8Array(15) }, 'NIfTI voxel data is shorter than its header says.'],
    [{ pixdim: [1, 1, 0, 1], qformCode: 1 }, 'NIfTI pixdim has a zero or invalid spacing: 1,0,1.'],
  ])('refuses %o', (spec, message) => {
    expect(refusal(spec)).toThrow(message);
  });

  it('refuses bytes that are not NIfTI at all', () => {
    expect(() => readNifti(new Uint8Array(400))).toThrow(
      'Not a NIfTI file: sizeof_hdr is neither 348 nor 540.',
    );
    expect(() => readNifti(Uint8Array.from([0x1f, 0x8b, 1, 2]))).toThrow(
      'Could not gunzip the NIfTI file.',
    );
  });
});
