/**
 * PERCIST non-targets from tracked rows: percistInput on hand-built tracks and PET
 * signals (liver SUL mean 2.0 on both scans), then the PERCIST engine on what it builds.
 * L1 is the hottest baseline lesion; L2, L3 and L4 are its non-targets.
 */
import { describe, expect, it } from 'vitest';

import { assessResponse } from '@/server/response/assess-response';

import { buildRows } from '../lesion-rows';
import type { StoredOverride } from '../overrides';
import { percistInput } from '../percist-input';
import type { PetSignals } from '../pet-signals';
import { followUpOverride, maskOf, timepoints, track } from './hand-built';

const size = { longestMm: 20, shortMm: 12 };
const tracks = [
  track('L1', [size, size]),
  track('L2', [size, size]),
  track('L3', [size, 'gone']),
  track('L4', [size, size]),
];
const liver = { sulMean: 2.0, sulSd: 0.3 };
const baselineSul: [string, number][] = [
  [maskOf('L1', 0), 8],
  [maskOf('L2', 0), 5],
  [maskOf('L3', 0), 4.5],
  [maskOf('L4', 0), 4],
];

/** PET signals with the given follow-up SULpeaks; a lesion left out has none stored. */
function pet(followUp: Record<string, number>): PetSignals {
  const later = Object.entries(followUp).map(([label, sul]) => [maskOf(label, 1), sul] as const);

  return {
    sulPeakByMask: new Map([...baselineSul, ...later]),
    liverByTimepoint: new Map(timepoints.map((t) => [t.id, liver])),
  };
}

function build(followUp: Record<string, number>, overrides: StoredOverride[] = []) {
  const rows = buildRows({ timepoints, tracks, organs: new Map(), overrides });
  const built = percistInput(rows, pet(followUp));
  if (!built.input || built.input.criteria !== 'percist1.0') throw new Error(built.reason ?? '');

  return { built, timepoints: built.input.timepoints, output: assessResponse(built.input) };
}

describe('PERCIST non-targets from tracked lesions', () => {
  it('follows every baseline lesion but the hottest, by uptake rather than by outline', () => {
    // L2 is still outlined but at 1.5 it is under the liver mean: back to background.
    const { timepoints: points } = build({ L1: 3, L2: 1.5, L4: 3 });

    expect(points[0]?.nonTargets).toEqual([
      { id: 'L2', status: 'present' },
      { id: 'L3', status: 'present' },
      { id: 'L4', status: 'present' },
    ]);
    expect(points[1]?.nonTargets).toEqual([
      { id: 'L2', status: 'absent' },
      { id: 'L3', status: 'absent' },
      { id: 'L4', status: 'present' },
    ]);
  });

  it('withholds CMR while an outlined lesion has no SULpeak to show it resolved', () => {
    const { built, output } = build({ L1: 1.8, L2: 1.5 });
    const now = output.timepoints[1];

    expect(built.notes.get(1)).toBe('no SULpeak stored for L4');
    // Every measured lesion is under the liver mean; L4 alone keeps this from CMR.
    // 8 -> 1.8 is -77.5% and -6.2 SUL: PMR.
    expect(now?.overall).toBe('PMR');
    expect(now?.trace[0]).toBe(
      'non-target(s) L4 still FDG-avid: no CMR, though they do not change PMR or SMD',
    );
  });

  it('calls CMR once every lesion is back to background', () => {
    const { output } = build({ L1: 1.8, L2: 1.5, L4: 1.9 });

    expect(output.timepoints[1]?.overall).toBe('CMR');
    expect(output.timepoints[1]?.nonTarget).toBe('CR');
  });

  it("applies a reader's non-target progression", () => {
    const progression = followUpOverride('L2', { kind: 'non-target', status: 'progression' });
    const { timepoints: points, output } = build({ L1: 3, L2: 1.5, L4: 3 }, [progression]);

    expect(points[1]?.nonTargets?.[0]).toEqual({ id: 'L2', status: 'progression' });
    expect(output.timepoints[1]?.overall).toBe('PMD');
    expect(output.timepoints[1]?.trace).toContain(
      'PMD: unequivocal progression of FDG-avid non-target(s) L2',
    );
  });
});
