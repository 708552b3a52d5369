import { describe, expect, it } from 'vitest';

import type { SignalsDocument } from '@/server/signals-store';

import { printDocument } from './signals';

const value = (date: string, signalId: string, v: number, madeBy: string | null) => ({
  lesionKey: 'track-1', date, signalId, value: v, unit: signalId === 'volume' ? 'ml' : '',
  madeBy,
});

// Only what printDocument reads; the rest of the document does not take part.
const doc = {
  run: { stale: false }, tracked: true, references: [],
  lesions: [{ key: 'track-1', label: 'L1', tracked: true }],
  values: [
    value('2024-01-01', 'volume', 12.5, null),
    value('2024-03-01', 'volume', 9.25, 'propagated'),
    value('2024-03-01', 'fdg-suvmax', 6.1, 'propagated'),
    value('2024-05-01', 'volume', 7, 'threshold'),
  ],
} as unknown as SignalsDocument;

describe('hallmark signals, as text', () => {
  it('names the mask a date was measured under when tracking made it', () => {
    const lines: string[] = [];
    printDocument(doc, (text) => lines.push(text));

    expect(lines).toEqual([
      '\nL1',
      '  2024-01-01  volume=12.5 ml',
      '  2024-03-01 (propagated mask, to review)  volume=9.25 ml  fdg-suvmax=6.10',
      '  2024-05-01 (PET outline)  volume=7.00 ml',
    ]);
  });
});
