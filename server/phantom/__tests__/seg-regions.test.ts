/**
 * The phantom's SEG names each segment's organ in its Anatomic Region Sequence, and the
 * app's SEG reader hands it back: the truth organ of every segmented lesion must come
 * back as the SNOMED CT code meaning written for it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseDicom } from '@/server/imaging/dicom';

import { generateCohort } from '../cohort';
import type { GroundTruth } from '../ground-truth';

let outDir: string;
let truth: GroundTruth;

beforeAll(async () => {
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hallmark-seg-regions-'));
  await generateCohort({ outDir, patients: 1, seed: 11, size: 'small' });
  truth = JSON.parse(await fs.readFile(path.join(outDir, 'ground-truth.json'), 'utf8'));
}, 120_000);
afterAll(() => fs.rm(outDir, { recursive: true, force: true }));

const MEANING = {
  lung: 'Lung', liver: 'Liver', 'lymph-node': 'Lymph node', bone: 'Bone',
  'soft-tissue': 'Soft tissue',
} as const;

describe('SEG anatomic regions of the phantom', () => {
  it('reads back the truth organ of every segment, with Neoplasm as property type', async () => {
    let checked = 0;
    for (const patient of truth.patients) {
      const organOf = new Map(patient.lesions.map((l) => [l.lesionId, l.organ]));
      for (const tp of patient.timepoints) {
        if (!tp.series.seg) continue;
        const bytes = await fs.readFile(path.join(outDir, tp.series.seg.file));
        const segments = parseDicom(bytes, tp.series.seg.file).seg?.segments ?? [];
        for (const lesion of tp.lesions.filter((l) => l.segmentNumber !== null)) {
          const segment = segments.find((s) => s.segmentNumber === lesion.segmentNumber);
          expect(segment?.anatomicRegion).toBe(MEANING[organOf.get(lesion.lesionId)!]);
          expect(segment?.propertyType).toBe('Neoplasm');
          checked++;
        }
      }
    }

    expect(checked).toBeGreaterThan(3);
  });
});
