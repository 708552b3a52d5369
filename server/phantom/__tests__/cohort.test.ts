/**
 * The phantom cohort against its own ground truth, read back through independent tools:
 * dcmjs for pixels and tags, dcmtk's dcmdump for conformance, dcm2niix for geometry.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCohort } from '../cohort';
import type { GroundTruth, TimepointTruth } from '../ground-truth';
import { toScanner } from '../pose';
import type { Naturalized } from './read-back';
import { dcmdump, dcmdumpText, hasTool, listFiles, readDicom } from './read-back';

const hasDcmdump = hasTool('dcmdump');
const hasDcm2niix = hasTool('dcm2niix');
if (!hasDcmdump)
  console.warn('dcmdump (dcmtk) is not installed: DICOM conformance checks are skipped.');
if (!hasDcm2niix) console.warn('dcm2niix is not installed: the NIfTI conversion check is skipped.');

const roots: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hallmark-phantom-'));
  roots.push(dir);

  return dir;
}

function digest(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir))
    hash.update(path.relative(dir, file)).update(readFileSync(file));

  return hash.digest('hex');
}

let outDir = '';
let truth: GroundTruth;

beforeAll(async () => {
  outDir = tempDir();
  await generateCohort({ outDir, patients: 2, seed: 7, size: 'small' });
  truth = JSON.parse(readFileSync(path.join(outDir, 'ground-truth.json'), 'utf8')) as GroundTruth;
});

afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

const timepoints = () =>
  truth.patients.flatMap((p) => p.timepoints.map((tp) => ({ patient: p, tp })));
const num = (v: unknown) => Number(Array.isArray(v) ? v[0] : v);

describe('reproducibility', () => {
  it('writes byte-identical files for the same seed and different ones for another', async () => {
    const again = tempDir();
    const other = tempDir();
    await generateCohort({ outDir: again, patients: 2, seed: 7, size: 'small' });
    await generateCohort({ outDir: other, patients: 2, seed: 8, size: 'small' });

    expect(digest(again)).toBe(digest(outDir));
    expect(digest(other)).not.toBe(digest(outDir));
  });
});

describe('cohort layout', () => {
  it('has the promised folders, patients and therapy columns', () => {
    expect(truth.patients.map((p) => p.patientId)).toEqual(['HM-0001', 'HM-0002']);
    for (const { tp } of timepoints()) {
      expect(listFiles(path.join(outDir, tp.series.ct.directory))).toHaveLength(
        tp.series.ct.geometry.size[2],
      );
    }
    const csv = readFileSync(path.join(outDir, 'therapy.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('patient_id,agent,line,start,end,arm');
    expect(new Set(truth.patients.map((p) => p.arm))).toEqual(new Set(['A', 'B']));
  });
});

describe.skipIf(!hasDcmdump)('conformance (dcmdump)', () => {
  it('parses every file without error', () => {
    const files = listFiles(path.join(outDir, 'dicom'));
    for (let i = 0; i < files.length; i += 200) {
      const { status, output } = dcmdump(files.slice(i, i + 200));
      expect(output).not.toMatch(/E: |W: /);
      expect(status).toBe(0);
    }
  });

  it('shows the SUV tags of an FDG PET slice', () => {
    const { tp } = timepoints()[1]!;
    const dump = dcmdumpText(listFiles(path.join(outDir, tp.series.fdgPet.directory))[0]!);
    for (const line of [
      /\(0054,1001\) CS \[BQML\]/,
      /\(0054,1102\) CS \[START\]/,
      /\(0018,1075\) DS \[6586\.2\]/,
    ]) {
      expect(dump).toMatch(line);
    }
    expect(dump).toMatch(new RegExp(`\\(0018,1074\\) DS \\[${tp.fdg.injectedDoseBq}\\]`));
    expect(dump).toMatch(new RegExp(`\\(0010,1030\\) DS \\[${tp.weightKg}\\]`));
    expect(dump).toMatch(/\(0018,1078\) DT \[\d{14}\]/);
    expect(dump).toMatch(/\(0008,0100\) SH \[35321007\]/);
    expect(dump).toMatch(/\(0008,0100\) SH \[C-111A1\]|\(0008,0100\) SH \[77004003\]/);
    expect(dump).toMatch(/\(0010,0040\) CS \[[MF]\]/);
    expect(dump).toMatch(/\(0010,1020\) DS \[/);
  });
});

describe.skipIf(!hasDcm2niix)('geometry (dcm2niix)', () => {
  it('converts a follow-up CT to the grid the truth states', () => {
    const { tp } = timepoints()[2]!;
    const work = tempDir();
    execFileSync(
      'dcm2niix',
      ['-z', 'n', '-f', 'ct', '-o', work, path.join(outDir, tp.series.ct.directory)],
      { stdio: 'ignore' },
    );
    const header = readFileSync(path.join(work, 'ct.nii'));
    const dims = [1, 2, 3].map((i) => header.readInt16LE(40 + 2 * i));
    const pixdim = [1, 2, 3].map((i) => header.readFloatLE(76 + 4 * i));

    expect(dims).toEqual(tp.series.ct.geometry.size);
    pixdim.forEach((v, i) => expect(v).toBeCloseTo(tp.series.ct.geometry.spacingMm[i]!, 4));
  });
});

interface SegMasks {
  /** Set of "i,j,k" CT voxel keys per segment number. */
  voxels: Map<number, Set<string>>;
  labels: Map<number, string>;
}

function readSeg(tp: TimepointTruth): SegMasks {
  const seg = readDicom(path.join(outDir, tp.series.seg!.file));
  const geometry = tp.series.ct.geometry;
  const [columns, rows] = geometry.size;
  const bits = new Uint8Array(seg.PixelData![0]!);
  const frames = seg.PerFrameFunctionalGroupsSequence as Naturalized[];
  const voxels = new Map<number, Set<string>>();
  frames.forEach((frame, f) => {
    const segment = num(
      (frame.SegmentIdentificationSequence as Naturalized[])[0]!.ReferencedSegmentNumber,
    );
    const z = (frame.PlanePositionSequence as Naturalized[])[0]!.ImagePositionPatient as number[];
    const k = Math.round((Number(z[2]) - geometry.originMm[2]) / geometry.spacingMm[2]);
    const set = voxels.get(segment) ?? new Set<string>();
    for (let n = 0; n < columns * rows; n++) {
      const bit = f * columns * rows + n;
      if (bits[bit >> 3]! & (1 << (bit & 7)))
        set.add(`${n % columns},${Math.floor(n / columns)},${k}`);
    }
    voxels.set(segment, set);
  });
  const labels = new Map(
    (seg.SegmentSequence as Naturalized[]).map((s) => [
      num(s.SegmentNumber),
      String(s.SegmentLabel),
    ]),
  );

  return { voxels, labels };
}

describe('ground truth against the pixels', () => {
  it('SEG voxel counts reproduce the truth volumes and labels', () => {
    for (const { tp } of timepoints()) {
      if (!tp.series.seg) continue;
      const { voxels, labels } = readSeg(tp);
      const [sx, sy, sz] = tp.series.ct.geometry.spacingMm;
      for (const lesion of tp.lesions.filter((l) => l.segmentNumber !== null)) {
        const count = voxels.get(lesion.segmentNumber!)!.size;
        expect(count).toBe(lesion.voxelCount);
        expect(count * ((sx * sy * sz) / 1000)).toBeCloseTo(lesion.voxelVolumeMl, 9);
        expect(labels.get(lesion.segmentNumber!)).toBe(lesion.segmentLabel);
        // The voxelised volume approximates the analytic one (coarse 4-5.5 mm voxels).
        if (lesion.analyticVolumeMl > 5)
          expect(
            Math.abs((count * sx * sy * sz) / 1000 / lesion.analyticVolumeMl - 1),
          ).toBeLessThan(0.15);
      }
    }
  });

  it('PET voxels times the SUV factor from the tags give the truth SUVmax', () => {
    let checked = 0;
    for (const { tp } of timepoints()) {
      for (const lesion of tp.lesions.filter((l) => l.suvMaxVoxel)) {
        const [i, j, k] = lesion.suvMaxVoxel!;
        const slices = tp.series.fdgPet.geometry.size[2];
        const file = path.join(
          outDir,
          tp.series.fdgPet.directory,
          `IM${String(slices - k).padStart(4, '0')}.dcm`,
        );
        const pet = readDicom(file);
        const stored = (
          pet.PixelRepresentation === 1
            ? new Int16Array(pet.PixelData![0]!)
            : new Uint16Array(pet.PixelData![0]!)
        )[j * Number(pet.Columns) + i]!;
        // SUVbw = stored · slope · weight[g] / (dose · 2^(−Δt / T½)),
        // with Δt = series start − injection.
        const drug = (pet.RadiopharmaceuticalInformationSequence as Naturalized[])[0]!;
        const seconds = (tm: unknown) => {
          const s = String(tm);
          return Number(s.slice(0, 2)) * 3600 + Number(s.slice(2, 4)) * 60 + Number(s.slice(4, 6));
        };
        const elapsedS = seconds(pet.SeriesTime) - seconds(drug.RadiopharmaceuticalStartTime);
        const decayedDose =
          Number(drug.RadionuclideTotalDose) * 2 ** (-elapsedS / Number(drug.RadionuclideHalfLife));
        const suv =
          (stored * Number(pet.RescaleSlope) * Number(pet.PatientWeight) * 1000) / decayedDose;
        expect(pet.Units).toBe('BQML');
        expect(suv).toBeCloseTo(lesion.suvMax!, 6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('puts each truth centroid inside its lesion in the CT and SEG', () => {
    for (const { tp } of timepoints()) {
      if (!tp.series.seg) continue;
      const { voxels } = readSeg(tp);
      const g = tp.series.ct.geometry;
      for (const lesion of tp.lesions.filter(
        (l) => l.segmentNumber !== null && l.voxelCount > 30,
      )) {
        const index = lesion.centroidScannerMm!.map((v, a) =>
          Math.round((v - g.originMm[a]!) / g.spacingMm[a]!),
        );
        expect(voxels.get(lesion.segmentNumber!)!.has(index.join(','))).toBe(true);
        const ct = readDicom(
          path.join(
            outDir,
            g && tp.series.ct.directory,
            `IM${String(g.size[2] - index[2]!).padStart(4, '0')}.dcm`,
          ),
        );
        const hu =
          new Int16Array(ct.PixelData![0]!)[index[1]! * g.size[0] + index[0]!]! +
          Number(ct.RescaleIntercept);
        expect(hu).toBeGreaterThan(0);
      }
    }
  });

  it('moves lesions in the images exactly as the stated poses say', () => {
    for (const { patient, tp } of timepoints()) {
      if (!tp.series.seg) continue;
      const { voxels } = readSeg(tp);
      const g = tp.series.ct.geometry;
      for (const lesion of tp.lesions.filter(
        (l) => l.segmentNumber !== null && l.voxelCount > 30,
      )) {
        const keys = [...voxels.get(lesion.segmentNumber!)!].map((key) =>
          key.split(',').map(Number),
        );
        const mean = [0, 1, 2].map(
          (a) =>
            keys.reduce((s, v) => s + g.originMm[a]! + v[a]! * g.spacingMm[a]!, 0) / keys.length,
        );
        const pose = { ...tp.pose };
        const expected = toScanner(pose, lesion.centroidBaselineMm!);
        mean.forEach((v, a) => expect(Math.abs(v - expected[a]!)).toBeLessThan(g.spacingMm[a]!));
      }
      if (tp.index > 0) {
        const base = patient.timepoints[0]!.pose;
        const moved = Math.hypot(
          ...tp.pose.translationMm.map((t, a) => t - base.translationMm[a]!),
        );
        const turned = Math.max(...tp.pose.rotation.map((r, n) => Math.abs(r - base.rotation[n]!)));
        expect(moved).toBeGreaterThan(5);
        expect(turned).toBeGreaterThan(0.01);
      }
    }
  });

  it('deals segment numbers afresh at each timepoint', () => {
    const reshuffled = truth.patients.some((p) =>
      p.lesions.some((l) => {
        const numbers = p.timepoints
          .map((tp) => tp.lesions.find((o) => o.lesionId === l.lesionId)!.segmentNumber)
          .filter((n) => n !== null);

        return new Set(numbers).size > 1;
      }),
    );
    expect(reshuffled).toBe(true);
  });
});
