/**
 * Each mask's organ and node status, read from its SEG segment's Anatomic Region
 * (0008,2218) code meaning. Masks from a NIfTI label map, or segments without a region,
 * stay unknown until a reader sets the organ by hand.
 *
 * Known shortcoming: the SEG file is parsed again on every assessment because ingest does
 * not keep the region on segment_masks; a column written at ingest would lift this.
 */
import fs from 'node:fs/promises';

import { eq, inArray } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { instances, segmentMasks, series } from '@/db/schema';
import { parseDicom } from '@/server/imaging/dicom';
import { logger } from '@/server/lib/log';
import { resolveData } from '@/server/storage/volumes';

const log = logger('response');

export interface OrganOfMask {
  organ: string;
  node: boolean;
}

/** "Lymph node of mediastinum" and "Lymph node" both make a node; the organ is lowercase. */
export function organFromRegion(region: string): OrganOfMask {
  const organ = region.trim().toLowerCase();

  return { organ, node: /lymph node/.test(organ) };
}

export async function readMaskOrgans(
  db: Db,
  dataDir: string,
  maskIds: string[],
): Promise<Map<string, OrganOfMask>> {
  const out = new Map<string, OrganOfMask>();
  if (maskIds.length === 0) return out;

  const masks = await db.select().from(segmentMasks).where(inArray(segmentMasks.id, maskIds));
  for (const seriesId of new Set(masks.map((m) => m.sourceSeriesId))) {
    const regions = await readSegRegions(db, dataDir, seriesId);
    for (const mask of masks.filter((m) => m.sourceSeriesId === seriesId)) {
      const region = regions.get(mask.segmentNumber);
      if (region) out.set(mask.id, organFromRegion(region));
    }
  }

  return out;
}

/** Segment number to region meaning; empty for a source that is not a readable SEG. */
async function readSegRegions(db: Db, dataDir: string, seriesId: string) {
  const rows = await db
    .select({ storedPath: instances.storedPath, modality: series.modality })
    .from(instances)
    .innerJoin(series, eq(series.id, instances.seriesId))
    .where(eq(instances.seriesId, seriesId));
  const regions = new Map<number, string>();
  for (const row of rows.filter((r) => r.modality === 'SEG')) {
    try {
      const bytes = await fs.readFile(resolveData(dataDir, row.storedPath));
      for (const s of parseDicom(bytes, row.storedPath).seg?.segments ?? []) {
        if (s.anatomicRegion) regions.set(s.segmentNumber, s.anatomicRegion);
      }
    } catch (err) {
      // The organ then shows as unknown and the reader can set it; the rest still works.
      log.warn('SEG regions unreadable', { err, file: row.storedPath });
    }
  }

  return regions;
}
