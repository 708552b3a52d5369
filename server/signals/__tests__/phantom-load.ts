/** Reads a generated phantom timepoint back with the project's own DICOM reader. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assembleVolume, parseDicom, readSegmentation } from '@/server/imaging/dicom';
import type { DicomInstance } from '@/server/imaging/dicom';
import type { ImageVolume } from '@/server/imaging/image';
import { computeSuvFactors } from '@/server/imaging/suv/factors';
import type { SeriesTruth, TimepointTruth } from '@/server/phantom';

function instances(dir: string): DicomInstance[] {
  return readdirSync(dir)
    .sort()
    .map((name) => parseDicom(new Uint8Array(readFileSync(path.join(dir, name))), name));
}

export function readSeries(root: string, series: SeriesTruth): ImageVolume {
  return assembleVolume(instances(path.join(root, series.directory))).volume;
}

export function readPet(root: string, series: SeriesTruth) {
  const parsed = instances(path.join(root, series.directory));
  const factors = computeSuvFactors(parsed.flatMap((p) => (p.pet ? [p.pet] : [])));
  if (!factors.available) throw new Error(`No SUV factors: ${factors.reason}`);

  return {
    seriesUid: series.seriesInstanceUid,
    image: assembleVolume(parsed).volume,
    suvBwFactor: factors.suvBwFactor,
    sulFactor: factors.sulFactor,
  };
}

/** Lesion masks of the timepoint by segment number, on the CT grid. */
export function readMasks(root: string, tp: TimepointTruth, ct: ImageVolume) {
  if (!tp.series.seg) return new Map<number, ImageVolume>();
  const [seg] = instances(path.join(root, path.dirname(tp.series.seg.file)));

  return new Map(readSegmentation(seg!, ct).map((s) => [s.segmentNumber, s.mask]));
}
