import { describe, expect, it } from 'vitest';
import { createImage, type ImageVolume, type Vec3 } from '../../imaging/image';
import { matchLesions } from '../match-lesions';
import type { LesionInput, Track } from '../match-types';

function lesion(lesionId: string, centroidMm: Vec3, volumeMl = 1): LesionInput {
  return { lesionId, centroidMm, volumeMl };
}

function lesionIdsOf(track: Track | undefined): string[] {
  return track?.observations.map((o) => o.lesionId) ?? [];
}

function trackWith(tracks: Track[], lesionId: string): Track | undefined {
  return tracks.find((t) => t.observations.some((o) => o.lesionId === lesionId));
}

/** A one-slice mask on a 20 x 20 grid of 1 mm: columns i0..i1, rows 5..8. */
function band(id: string, i0: number, i1: number): LesionInput {
  const mask: ImageVolume = createImage(
    { size: [20, 20, 1], spacingMm: [1, 1, 1], originMm: [0, 0, 0],
      direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] },
    'uint8',
  );
  for (let i = i0; i <= i1; i++) for (let j = 5; j <= 8; j++) mask.data[j * 20 + i] = 1;
  const count = (i1 - i0 + 1) * 4;

  return { lesionId: id, centroidMm: [(i0 + i1) / 2, 6.5, 0], volumeMl: count / 1000, mask };
}

describe('matchLesions', () => {
  it('keeps a close pair apart but flags both links for review', () => {
    // A and B are 6 mm apart; both move 2.5 mm along x. Costs (gate 20 mm, equal
    // volumes, so only distance/20 weighted 1 of 1.5): A→a 2.5/30 = 0.0833,
    // B→a 3.5/30 = 0.1167, A→b 8.5/30 = 0.2833. For A→a the next best choice is B→a,
    // 0.0333 dearer: confidence (1 − 0.0833) · (0.0333 / 0.25) = 0.1222; B→b likewise.
    const { tracks, reviewFlags } = matchLesions([
      { lesions: [lesion('A', [0, 0, 0]), lesion('B', [6, 0, 0])] },
      { lesions: [lesion('a', [2.5, 0, 0]), lesion('b', [8.5, 0, 0])] },
    ]);

    expect(lesionIdsOf(trackWith(tracks, 'A'))).toEqual(['A', 'a']);
    expect(lesionIdsOf(trackWith(tracks, 'B'))).toEqual(['B', 'b']);
    const confidence = trackWith(tracks, 'A')?.observations[1]?.confidence ?? NaN;
    expect(confidence).toBeCloseTo((1 - 2.5 / 30) * ((1 / 30) / 0.25), 9);
    expect(reviewFlags.map((f) => [f.lesionId, f.reason])).toEqual([
      ['a', 'low-confidence'], ['b', 'low-confidence'],
    ]);
  });

  it('finds the pairing a greedy nearest-first matcher gets wrong', () => {
    // Both lesions moved +5 mm: A (0) → p (5.5), B (10) → q (15). Greedy takes the
    // nearest pair first, B → p (4.5 mm), and is left with A → q (15 mm): 19.5 mm in
    // all, against 10.5 mm for the right pairing.
    const before = [lesion('A', [0, 0, 0]), lesion('B', [10, 0, 0])];
    const after = [lesion('p', [5.5, 0, 0]), lesion('q', [15, 0, 0])];
    const greedyFirst = before.flatMap((b) => after.map((a) => ({ b, a, d:
      Math.abs(a.centroidMm[0] - b.centroidMm[0]) }))).sort((x, y) => x.d - y.d)[0];
    expect([greedyFirst?.b.lesionId, greedyFirst?.a.lesionId]).toEqual(['B', 'p']);

    const { tracks } = matchLesions([{ lesions: before }, { lesions: after }]);

    expect(lesionIdsOf(trackWith(tracks, 'A'))).toEqual(['A', 'p']);
    expect(lesionIdsOf(trackWith(tracks, 'B'))).toEqual(['B', 'q']);
  });

  it('starts a track for a new lesion', () => {
    const { tracks } = matchLesions([
      { lesions: [lesion('A', [0, 0, 0])] },
      { lesions: [lesion('A1', [1, 0, 0]), lesion('N', [100, 0, 0])] },
    ]);
    const fresh = trackWith(tracks, 'N');

    expect(tracks).toHaveLength(2);
    expect(fresh?.events).toEqual([{ kind: 'new', timepointIndex: 1 }]);
    expect(fresh?.observations).toEqual([{ timepointIndex: 1, lesionId: 'N', confidence: 1 }]);
    expect(trackWith(tracks, 'A')?.events).toEqual([]);
  });

  it('does not link beyond the gate: a jump of 30 mm is a vanished and a new lesion', () => {
    const { tracks } = matchLesions([
      { lesions: [lesion('A', [0, 0, 0])] },
      { lesions: [lesion('far', [30, 0, 0])] },
    ]);

    expect(trackWith(tracks, 'A')?.events).toEqual([{ kind: 'vanished', timepointIndex: 1 }]);
    expect(trackWith(tracks, 'far')?.events).toEqual([{ kind: 'new', timepointIndex: 1 }]);
  });

  it('keeps a lesion shrinking from nine voxels to one on its track, not a far new one', () => {
    // Voxels of 4 x 4 x 6.6 mm = 0.1056 ml, as on the small phantom CT. A shrinks from
    // 9 voxels to 1 (ratio 9, past the gate of 8) and moves 3 mm; N, 1 voxel, is 60 mm
    // away. With 2 voxels of allowance the ratio is (9 + 2) / (1 + 2) = 3.67: A links.
    const voxel = 0.1056;
    const small = (id: string, x: number, voxels: number): LesionInput =>
      ({ ...lesion(id, [x, 0, 0], voxels * voxel), voxelVolumeMl: voxel });
    const timepoints = [
      { lesions: [small('A', 0, 9)] },
      { lesions: [small('A1', 3, 1), small('N', 60, 1)] },
    ];

    const { tracks } = matchLesions(timepoints);
    const strict = matchLesions(timepoints, { sizeAllowanceVoxels: 0 });

    expect(lesionIdsOf(trackWith(tracks, 'A'))).toEqual(['A', 'A1']);
    expect(trackWith(tracks, 'N')?.events).toEqual([{ kind: 'new', timepointIndex: 1 }]);
    expect(lesionIdsOf(trackWith(strict.tracks, 'A'))).toEqual(['A']);
  });

  it('still gates a large lesion shrinking ninefold without overlap', () => {
    // 900 voxels to 100: (900 + 2) / (100 + 2) = 8.84, past the gate of 8.
    const voxel = 0.1056;
    const { tracks } = matchLesions([
      { lesions: [{ ...lesion('A', [0, 0, 0], 900 * voxel), voxelVolumeMl: voxel }] },
      { lesions: [{ ...lesion('A1', [3, 0, 0], 100 * voxel), voxelVolumeMl: voxel }] },
    ]);

    expect(lesionIdsOf(trackWith(tracks, 'A'))).toEqual(['A']);
    expect(trackWith(tracks, 'A1')?.events).toEqual([{ kind: 'new', timepointIndex: 1 }]);
  });

  it('follows a lesion that vanishes and reappears at its last known place', () => {
    // B is missing at t1. At t2, B' is 2 mm from B's last position and 50 mm from
    // anything else: cost 2/30, no alternative, one missed timepoint: (1 − 1/15) · 0.85.
    const { tracks, reviewFlags } = matchLesions([
      { lesions: [lesion('A', [0, 0, 0]), lesion('B', [50, 0, 0])] },
      { lesions: [lesion('A1', [0, 0, 0])] },
      { lesions: [lesion('A2', [0, 0, 0]), lesion('B2', [52, 0, 0])] },
    ]);
    const b = trackWith(tracks, 'B');

    expect(tracks).toHaveLength(2);
    expect(lesionIdsOf(b)).toEqual(['B', 'B2']);
    expect(b?.events).toEqual([
      { kind: 'vanished', timepointIndex: 1 }, { kind: 'reappeared', timepointIndex: 2 },
    ]);
    expect(b?.observations[1]?.confidence).toBeCloseTo((1 - 1 / 15) * 0.85, 9);
    expect(reviewFlags).toHaveLength(1);
    expect(reviewFlags[0]).toMatchObject({ lesionId: 'B2', reason: 'reappeared' });
  });

  it('recognises a split by overlap', () => {
    // One band, columns 2..11, becomes two: 2..6 (20 voxels) and 9..11 (12 voxels).
    // The larger piece continues the track; the smaller lies wholly inside the old
    // lesion (containment 1), so it is a split piece with confidence 1, flagged.
    const { tracks, reviewFlags } = matchLesions([
      { lesions: [band('L', 2, 11)] },
      { lesions: [band('P1', 2, 6), band('P2', 9, 11)] },
    ]);
    const parent = trackWith(tracks, 'L');
    const piece = trackWith(tracks, 'P2');

    expect(lesionIdsOf(parent)).toEqual(['L', 'P1']);
    expect(parent?.events).toEqual([{ kind: 'split', timepointIndex: 1,
      lesionIds: ['P1', 'P2'], withTrackIds: [piece?.trackId] }]);
    expect(piece?.events).toEqual([{ kind: 'split', timepointIndex: 1,
      lesionIds: ['P1', 'P2'], withTrackIds: [parent?.trackId] }]);
    // Which piece carries the track on is itself uncertain. Costs (gate 20, ratio 8,
    // weights 1, 0.5, 1): L→P1 = (2.5/20 + 0.5·ln 2/ln 8 + (1 − 40/60)) / 2.5 and L→P2 =
    // (3.5/20 + 0.5·ln(40/12)/ln 8 + (1 − 24/52)) / 2.5; confidence of L→P1 is
    // (1 − c1) · (c2 − c1) / 0.25 ≈ 0.45, under 0.5, so it is flagged too.
    const c1 = (2.5 / 20 + (0.5 * Math.log(2)) / Math.log(8) + (1 - 40 / 60)) / 2.5;
    const c2 = (3.5 / 20 + (0.5 * Math.log(40 / 12)) / Math.log(8) + (1 - 24 / 52)) / 2.5;
    expect(parent?.observations[1]?.confidence).toBeCloseTo((1 - c1) * ((c2 - c1) / 0.25), 9);
    expect(reviewFlags).toEqual([
      { trackId: parent?.trackId, timepointIndex: 1, lesionId: 'P1', reason: 'low-confidence',
        confidence: parent?.observations[1]?.confidence },
      { trackId: piece?.trackId, timepointIndex: 1, lesionId: 'P2', reason: 'split',
        confidence: 1 },
    ]);
  });

  it('recognises a merge by overlap and closes the merged track', () => {
    const { tracks, reviewFlags } = matchLesions([
      { lesions: [band('M1', 2, 6), band('M2', 9, 11)] },
      { lesions: [band('L', 2, 11)] },
      { lesions: [band('L2', 2, 11)] },
    ]);
    const survivor = trackWith(tracks, 'M1');
    const merged = trackWith(tracks, 'M2');

    expect(lesionIdsOf(survivor)).toEqual(['M1', 'L', 'L2']);
    expect(lesionIdsOf(merged)).toEqual(['M2']);
    expect(merged?.events).toEqual([{ kind: 'merged', timepointIndex: 1, lesionIds: ['L'],
      withTrackIds: [survivor?.trackId] }]);
    // M1→L is the cheaper of two close choices (the mirror of the split case), so the
    // link is flagged as uncertain as well as merged.
    expect(reviewFlags.map((f) => [f.trackId, f.lesionId, f.reason])).toEqual([
      [survivor?.trackId, 'L', 'low-confidence'], [survivor?.trackId, 'L', 'merged'],
    ]);
  });

  it('refuses masks that are not on one grid', () => {
    const odd = band('X', 2, 4);
    odd.mask = { ...odd.mask!, originMm: [1, 0, 0] };

    expect(() => matchLesions([{ lesions: [band('L', 2, 11)] }, { lesions: [odd] }]))
      .toThrow('Mask of lesion X is not on the baseline grid; resample every mask onto the ' +
        'baseline grid before matching.');
  });
});
