import { describe, expect, it } from 'vitest';

import { uploadBatches } from './upload-batches';

const f = (size: number) => ({ size });

describe('uploadBatches', () => {
  it('closes a batch before it would exceed the byte budget', () => {
    const batches = uploadBatches([f(6), f(6), f(6), f(1)], 12, 10);

    expect(batches.map((b) => b.map((x) => x.size))).toEqual([
      [6, 6],
      [6, 1],
    ]);
  });

  it('caps the number of files per batch', () => {
    expect(uploadBatches([f(1), f(1), f(1)], 100, 2).map((b) => b.length)).toEqual([2, 1]);
  });

  it('sends a file larger than the budget alone rather than dropping it', () => {
    expect(uploadBatches([f(1), f(50), f(1)], 10, 10).map((b) => b.length)).toEqual([1, 1, 1]);
  });
});
