/**
 * "Too small to measure" from tracked rows: buildRows and recistInput on hand-built
 * tracks (two scans, a liver lesion shrinking to 3.1 mm, a lung lesion that vanishes, a
 * node shrinking to a 3 mm short axis), then the RECIST engine on what they build.
 */
import { describe, expect, it } from 'vitest';

import { assessResponse } from '@/server/response/assess-response';
import type { ResponseInput } from '@/server/response/schema/input';

import { buildRows } from '../lesion-rows';
import type { OrganOfMask } from '../organ-regions';
import type { StoredOverride } from '../overrides';
import { recistInput } from '../recist-input';
import { followUpOverride, timepoints, track } from './hand-built';

const tracks = [
  track('L1', [
    { longestMm: 30, shortMm: 20 },
    { longestMm: 3.1, shortMm: 2 },
  ]),
  track('L2', [{ longestMm: 20, shortMm: 12 }, 'gone']),
  track('N1', [
    { longestMm: 25, shortMm: 18 },
    { longestMm: 4, shortMm: 3 },
  ]),
];

const liver = { organ: 'liver', node: false };
const lymphNode = { organ: 'lymph node', node: true };
const organs = new Map<string, OrganOfMask>([
  ['mask-L1-0', liver],
  ['mask-L1-1', liver],
  ['mask-L2-0', { organ: 'lung', node: false }],
  ['mask-N1-0', lymphNode],
  ['mask-N1-1', lymphNode],
]);

function diameterOverride(label: string, diameterMm: number | null, tooSmall?: boolean) {
  const value = { kind: 'diameter' as const, diameterMm, ...(tooSmall ? { tooSmall } : {}) };

  return followUpOverride(label, value);
}

function assess(overrides: StoredOverride[] = []) {
  const rows = buildRows({ timepoints, tracks, organs, overrides });
  const input = recistInput(rows, 'recist1.1');

  return { rows, input, output: assessResponse(input) };
}

function followUpTargets(input: ResponseInput) {
  if (input.criteria === 'percist1.0') throw new Error('expected RECIST input');

  return input.timepoints[1]!.targets;
}

describe('too small to measure, from tracked lesions', () => {
  it('counts a present lesion measuring under 5 mm as 5 mm, a vanished one as 0', () => {
    const { rows, input, output } = assess();

    expect(rows.lesions.map((l) => l.role)).toEqual(['target', 'target', 'target']);
    expect(followUpTargets(input)).toEqual([
      { id: 'L1', organ: 'liver', node: false, diameterMm: 3.1, tooSmall: true },
      { id: 'L2', organ: 'lung', node: false, diameterMm: 0 },
      { id: 'N1', organ: 'lymph node', node: true, diameterMm: 3 },
    ]);
    // 5 (L1, too small) + 0 (L2, gone) + 3 (N1, its own short axis) of 30 + 20 + 18.
    expect(output.timepoints[1]?.sumMm).toBe(8);
    expect(output.timepoints[1]?.trace).toContain(
      'L1 measured 3.1 mm: too small to measure, counted as 5 mm',
    );
    expect(output.timepoints[1]?.trace.join('\n')).not.toMatch(/N1.*too small/);
  });

  it('never marks a baseline measurement', () => {
    const small = track('L9', [
      { longestMm: 4, shortMm: 3 },
      { longestMm: 4, shortMm: 3 },
    ]);
    const rows = buildRows({
      timepoints,
      tracks: [...tracks, small],
      organs: new Map([...organs, ['mask-L9-0', liver]]),
      overrides: [],
    });
    const l9 = rows.lesions.find((l) => l.label === 'L9')!;

    expect(l9.cells.map((c) => c.tooSmall)).toEqual([false, true]);
  });

  it("lets a reader's diameter win over the automatic mark", () => {
    const { rows, input, output } = assess([diameterOverride('L1', 3.1)]);

    expect(rows.lesions[0]!.cells[1]).toMatchObject({ valueMm: 3.1, tooSmall: false });
    expect(followUpTargets(input)[0]).toEqual({
      id: 'L1',
      organ: 'liver',
      node: false,
      diameterMm: 3.1,
    });
    expect(output.timepoints[1]?.sumMm).toBe(6.1);
    expect(output.timepoints[1]?.trace.join('\n')).not.toMatch(/too small/);
  });

  it('lets a reader mark a node too small, keeping its measured value on show', () => {
    const { rows, output } = assess([diameterOverride('N1', null, true)]);

    expect(rows.lesions[2]!.cells[1]).toMatchObject({ valueMm: 3, tooSmall: true });
    // 5 (L1) + 0 (L2) + 5 (N1 now too small).
    expect(output.timepoints[1]?.sumMm).toBe(10);
    expect(output.timepoints[1]?.trace).toContain(
      'N1 measured 3 mm: too small to measure, counted as 5 mm',
    );
  });
});
