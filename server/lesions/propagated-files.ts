/**
 * Propagated masks on disk: cropped to their box on the CT grid, one byte per voxel,
 * under propagated/<CT series id>/<seed lesion id>-<timepoint index>.u8, the seed being
 * a segment mask or a reader's outline. The name depends only on what produced the mask,
 * so re-tracking overwrites rather than piles up files; a mask no longer produced (after
 * a new SEG was ingested) leaves its file behind until the CT series is deleted, which a
 * sweep of unreferenced files would clean up.
 */
import path from 'node:path';

import { pointToIndex } from '@/server/imaging/image';
import { cropToBox } from '@/server/ingest/segments';
import { writeFileAtomic } from '@/server/storage/files';

import type { PropagatedObservation } from './draft';
import type { VolumeRow } from './load-patient';

export interface StoredPropagation {
  storedPath: string;
  bbox: number[];
  voxelCount: number;
}

export async function storePropagated(
  dataDir: string,
  p: PropagatedObservation,
  ct: VolumeRow,
): Promise<StoredPropagation> {
  const { bbox, voxelCount, cropped } = cropToBox(p.mask);
  // The crop's first voxel sits at a whole index of the CT grid it was cut from.
  const offset = pointToIndex(ct, p.mask.originMm).map(Math.round);
  const onCt = bbox.map((v, n) => v + (offset[n % 3] ?? 0));
  const storedPath = path.join('propagated', p.imageSeriesId,
    `${p.fromLesionId}-${p.timepointIndex}.u8`);
  await writeFileAtomic(path.join(/* turbopackIgnore: true */ dataDir, storedPath), cropped);

  return { storedPath, bbox: onCt, voxelCount };
}
