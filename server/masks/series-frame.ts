/**
 * The grid of a stored volume as the mask route should see it: a series that tracking
 * registered to its timepoint's CT (series_registrations, status ok) is re-expressed in
 * the CT's frame, so a mask carried onto it through LPS goes through the registration.
 * Series sharing the CT's frame, and those whose registration failed, keep their own
 * grid; the latter are reported so the caller can say the overlay is unregistered.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { seriesRegistrations } from '@/db/schema';
import type { ImageGeometry } from '@/server/imaging/image';
import { geometryInReferenceFrame } from '@/server/tracking/frame-geometry';

export interface FramedGrid {
  geometry: ImageGeometry;
  /** 'unregistered' when the series is in another frame and its registration failed. */
  frame: 'own' | 'registered' | 'unregistered';
}

export async function gridInCtFrame(
  db: Db, seriesId: string, geometry: ImageGeometry,
): Promise<FramedGrid> {
  const [row] = await db.select().from(seriesRegistrations)
    .where(eq(seriesRegistrations.seriesId, seriesId));
  if (!row) return { geometry, frame: 'own' };
  if (row.status !== 'ok') return { geometry, frame: 'unregistered' };

  return { geometry: geometryInReferenceFrame(geometry, row.matrix), frame: 'registered' };
}
