import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { propagatedMasks, segmentMasks } from '@/db/schema';
import { AppError } from '@/server/lib/errors';

/** What the mask route needs of a stored mask, whichever table holds it. */
export interface StoredMask {
  imageSeriesId: string;
  /** Inclusive voxel box [i0, j0, k0, i1, j1, k1] on the mask's image grid. */
  bbox: number[];
  /** Relative to the data directory; the cropped bytes, one per voxel, i fastest. */
  storedPath: string;
}

/**
 * A segment mask, or else a propagated mask: both are stored cropped the same way, so
 * an observation's outline is drawn alike whether it was segmented or carried over.
 */
export async function findMask(db: Db, id: string): Promise<StoredMask> {
  const [segment] = await db.select().from(segmentMasks).where(eq(segmentMasks.id, id));
  if (segment) return segment;
  const [propagated] = await db.select().from(propagatedMasks).where(eq(propagatedMasks.id, id));
  if (propagated) return propagated;

  throw new AppError('NOT_FOUND', 'That mask does not exist.', {
    userMessage: 'That mask no longer exists: the lesions may have been re-tracked. Reload.',
  });
}
