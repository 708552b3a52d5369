/**
 * The phantom's optional MR session: the ADC and Ktrans maps in a study and Frame of
 * Reference of their own on the CT's date, drawn in the pose the truth states, and the
 * rest of the cohort exactly as without the option.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseDicom } from '@/server/imaging/dicom';
import { pointToIndex, type Vec3 } from '@/server/imaging/image';
import { readSeries } from '@/server/signals/__tests__/phantom-load';

import { generateCohort } from '../cohort';
import type { GroundTruth, SeriesTruth } from '../ground-truth';
import { toScanner } from '../pose';
import { listFiles } from './read-back';

let plainDir: string;
let separateDir: string;
let truth: GroundTruth;
let plainTruth: GroundTruth;

beforeAll(async () => {
  plainDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-mr-plain-'));
  separateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-mr-separate-'));
  const options = { patients: 2, seed: 7, size: 'small' } as const;
  await generateCohort({ ...options, outDir: plainDir });
  await generateCohort({ ...options, outDir: separateDir, separateMrFrame: true });
  const read = (dir: string) =>
    JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
  truth = read(separateDir);
  plainTruth = read(plainDir);
}, 120_000);
afterAll(async () => {
  await fs.rm(plainDir, { recursive: true, force: true });
  await fs.rm(separateDir, { recursive: true, force: true });
});

const multimodal = () => truth.patients.filter((p) => p.multimodal)
  .flatMap((p) => p.timepoints.map((tp) => ({ p, tp })));

function firstInstance(dir: string, series: SeriesTruth) {
  const file = listFiles(path.join(dir, series.directory))[0]!;

  return parseDicom(new Uint8Array(readFileSync(file)), file);
}

function digestOutsideMr(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(path.join(dir, 'dicom')).filter((f) => !/MR_/.test(f))) {
    hash.update(path.relative(dir, file)).update(readFileSync(file));
  }

  return hash.digest('hex');
}

describe('MR maps in a session of their own', () => {
  it('leaves every other file as the default cohort writes it', () => {
    expect(multimodal().length).toBeGreaterThan(0);
    expect(digestOutsideMr(separateDir)).toBe(digestOutsideMr(plainDir));
    // The MR grids follow the session's scan centre; everything else is unchanged.
    const strip = (t: GroundTruth) => t.patients.map((p) => ({
      ...p,
      timepoints: p.timepoints.map(({ mrSession: _, series: { adc, ktrans, ...rest }, ...tp }) =>
        ({ ...tp, rest, adcUid: adc?.seriesInstanceUid, ktransUid: ktrans?.seriesInstanceUid })),
    }));
    expect(strip(truth)).toEqual(strip(plainTruth));
  });

  it('writes them in another study of the same date, with their own frame', () => {
    for (const { tp } of multimodal()) {
      const session = tp.mrSession!;
      const ct = firstInstance(separateDir, tp.series.ct);
      for (const series of [tp.series.adc!, tp.series.ktrans!]) {
        const mr = firstInstance(separateDir, series);

        expect(mr.study.uid).toBe(session.studyInstanceUid);
        expect(mr.frameOfReferenceUid).toBe(session.frameOfReferenceUid);
        expect(mr.study.uid).not.toBe(ct.study.uid);
        expect(mr.frameOfReferenceUid).not.toBe(ct.frameOfReferenceUid);
        expect(mr.study.date).toBe(ct.study.date);
      }
    }
  });

  it('draws each lesion where the MR pose puts it, 10 mm or more from the CT pose', () => {
    let checked = 0;
    for (const { p, tp } of multimodal()) {
      const adc = readSeries(separateDir, tp.series.adc!);
      const pose = tp.mrSession!.pose;
      for (const lesion of tp.lesions.filter((l) => l.present && !l.core)) {
        const truthLesion = p.lesions.find((l) => l.lesionId === lesion.lesionId)!;
        if (truthLesion.organ === 'lung' || lesion.analyticVolumeMl < 2) continue;
        const inMr = toScanner(pose, lesion.centroidBaselineMm!);
        const shift = Math.hypot(...inMr.map((v, a) => v - lesion.centroidScannerMm![a]!));
        const [i, j, k] = pointToIndex(adc, inMr).map(Math.round) as Vec3;
        const value = adc.data[(k * adc.size[1] + j) * adc.size[0] + i]!;

        // 5% relative noise on one voxel: within 20% of the model value.
        expect(Math.abs(value / lesion.adcModel - 1)).toBeLessThan(0.2);
        expect(shift).toBeGreaterThan(10);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
