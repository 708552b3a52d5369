/**
 * The phantom's optional unenhanced CT: written beside the CT in the same study and frame,
 * the CT then tagged with a contrast agent, and the truth's enhancement tied to Ktrans.
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseDicom } from '@/server/imaging/dicom';
import { contrastPhaseOf } from '@/server/imaging/dicom/contrast-phase';

import { generateCohort } from '../cohort';
import { ENHANCEMENT_HU_PER_KTRANS } from '../enhancement';
import type { GroundTruth, SeriesTruth } from '../ground-truth';
import { UNENHANCED_CT_GRIDS, gridGeometry } from '../grids';
import { listFiles } from './read-back';

let outDir: string;
let truth: GroundTruth;

beforeAll(async () => {
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-unenhanced-'));
  await generateCohort({ outDir, patients: 2, seed: 7, size: 'small', unenhancedCt: true });
  truth = JSON.parse(readFileSync(path.join(outDir, 'ground-truth.json'), 'utf8'));
}, 120_000);
afterAll(() => fs.rm(outDir, { recursive: true, force: true }));

const timepoints = () => truth.patients.flatMap((p) => p.timepoints.map((tp) => ({ p, tp })));

function firstInstance(series: SeriesTruth) {
  const file = listFiles(path.join(outDir, series.directory))[0]!;

  return parseDicom(new Uint8Array(readFileSync(file)), file);
}

describe('unenhanced CT beside the CT', () => {
  it('shares the study and frame, and ingest tells the two phases apart', () => {
    for (const { tp } of timepoints()) {
      const enhanced = firstInstance(tp.series.ct);
      const unenhanced = firstInstance(tp.series.ctUnenhanced!);

      expect(enhanced.contrastBolus?.agent).toBe('IOHEXOL');
      expect(unenhanced.contrastBolus).toBeUndefined();
      expect(unenhanced.study.uid).toBe(enhanced.study.uid);
      expect(unenhanced.frameOfReferenceUid).toBe(tp.frameOfReferenceUid);
      expect(enhanced.frameOfReferenceUid).toBe(tp.frameOfReferenceUid);
      expect(contrastPhaseOf(enhanced).phase).toBe('enhanced');
      expect(contrastPhaseOf(unenhanced).phase).toBe('unenhanced');
    }
  });

  it('lies on its own grid, with fewer slices than the CT the lesions are drawn on', () => {
    for (const { tp } of timepoints()) {
      const series = tp.series.ctUnenhanced!;
      const expected = gridGeometry(UNENHANCED_CT_GRIDS.small, series.geometry.originMm[2]);

      expect(series.geometry.size).toEqual(expected.size);
      expect(series.geometry.spacingMm).toEqual(expected.spacingMm);
      expect(series.instanceCount).toBeLessThan(tp.series.ct.instanceCount);
    }
  });

  it('states the enhancement each present lesion has, from its Ktrans', () => {
    for (const { tp } of timepoints()) {
      for (const lesion of tp.lesions) {
        if (!lesion.present) {
          expect(lesion.enhancementModelHu).toBeNull();
          continue;
        }
        expect(lesion.enhancementModelHu).toBeCloseTo(
          ENHANCEMENT_HU_PER_KTRANS * lesion.ktransModelPerMin,
          9,
        );
        if (lesion.voxelCount === 0) continue;
        // Without a core the enhancement is uniform; a poorly perfused core pulls it down.
        const { enhancementMeanHu: mean, enhancementModelHu: rim } = lesion;
        if (!lesion.core) expect(mean).toBeCloseTo(rim!, 9);
        else expect(mean!).toBeLessThan(rim!);
      }
    }
  });

  it('lets the enhancement of responding lesions fall over therapy', () => {
    const responding = truth.patients.flatMap((p) =>
      p.lesions.filter((l) => l.behaviour === 'responding').map((l) => ({ p, l })),
    );
    expect(responding.length).toBeGreaterThan(0);
    for (const { p, l } of responding) {
      const course = p.timepoints.map(
        (tp) => tp.lesions.find((o) => o.lesionId === l.lesionId)!.enhancementModelHu!,
      );
      expect(course.at(-1)!).toBeLessThan(course[0]! * 0.8);
      expect(course[0]!).toBeGreaterThanOrEqual(30);
    }
  });

  it('darkens lesions on the unenhanced scan by about their enhancement', () => {
    // A voxel at the lesion's analytic centroid is well inside it on both grids; its HU
    // difference is the enhancement there plus two draws of 10 HU noise (sd 14 HU), so
    // one voxel is held to 4 sd and the mean error over all of them to about 2 s.e.
    const errors: number[] = [];
    for (const { tp } of timepoints()) {
      for (const lesion of tp.lesions) {
        if (!lesion.present || lesion.core || lesion.voxelCount < 60) continue;
        const at = lesion.centroidScannerMm!;
        const diff = huAt(tp.series.ct, at) - huAt(tp.series.ctUnenhanced!, at);
        errors.push(diff - lesion.enhancementModelHu!);
      }
    }
    const meanError = errors.reduce((a, b) => a + b, 0) / errors.length;

    expect(errors.length).toBeGreaterThan(5);
    for (const e of errors) expect(Math.abs(e)).toBeLessThan(57);
    expect(Math.abs(meanError)).toBeLessThan((2 * 14) / Math.sqrt(errors.length) + 1);
  });
});

/** HU of the voxel nearest `point` (axial identity grids, as the phantom writes). */
function huAt(series: SeriesTruth, point: readonly number[]): number {
  const g = series.geometry;
  const [i, j, k] = [0, 1, 2].map((a) =>
    Math.round((point[a]! - g.originMm[a]!) / g.spacingMm[a]!),
  ) as [number, number, number];
  const files = listFiles(path.join(outDir, series.directory));
  // Instance 1 is the most superior slice: slice k is file number (slices − k).
  const instance = parseDicom(new Uint8Array(readFileSync(files[g.size[2] - k - 1]!)), 'slice');
  const stored = instance.decodeFrame(0)[j * g.size[0] + i]!;

  return stored * (instance.rescaleSlope ?? 1) + (instance.rescaleIntercept ?? 0);
}

describe('without the option', () => {
  it('writes no unenhanced CT and no contrast agent, and states no enhancement', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-plain-'));
    try {
      await generateCohort({ outDir: dir, patients: 1, seed: 7, size: 'small' });
      const plain: GroundTruth = JSON.parse(
        readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'),
      );
      const tp = plain.patients[0]!.timepoints[0]!;
      const file = listFiles(path.join(dir, tp.series.ct.directory))[0]!;

      expect(tp.series.ctUnenhanced).toBeNull();
      expect(parseDicom(new Uint8Array(readFileSync(file)), file).contrastBolus).toBeUndefined();
      expect(tp.lesions.every((l) => l.enhancementMeanHu === null)).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
