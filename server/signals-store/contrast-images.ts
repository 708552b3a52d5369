/**
 * The two contrast phases of a timepoint's CT that CT enhancement subtracts, read from
 * storage. The CT the masks lie on takes its own side when its phase is known.
 */
import { pairContrastPhases, type ContrastPair, type SeriesImage } from '@/server/signals';

import { readImage } from './images';
import type { ImagedSeries, TimepointImages } from './load-inputs';

/** Undefined unless the timepoint holds an enhanced and an unenhanced CT of one frame. */
export async function readContrastPair(
  dataDir: string, tp: TimepointImages, primary?: ImagedSeries, primaryImage?: SeriesImage,
): Promise<ContrastPair | undefined> {
  const candidates = tp.images.filter((i) => i.series.seriesType === 'CT').map((imaged) => ({
    imaged, contrastPhase: imaged.series.contrastPhase,
    frameOfReferenceUid: imaged.series.frameOfReferenceUid,
    instanceCount: imaged.series.instanceCount,
  }));
  const pair = pairContrastPhases(candidates, candidates.find((c) => c.imaged === primary));
  if (!pair) return undefined;

  const read = async ({ imaged }: { imaged: ImagedSeries }): Promise<SeriesImage> =>
    primaryImage && imaged === primary
      ? primaryImage
      : { seriesUid: imaged.series.id, image: await readImage(dataDir, imaged.volume) };

  return { enhanced: await read(pair.enhanced), unenhanced: await read(pair.unenhanced) };
}
