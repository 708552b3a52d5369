/** A reader moves the liver sphere: measured at once at the new centre and kept from then on. */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { timepoints } from '@/db/schema';
import type { Vec3 } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';
import { liverReferenceAt, SIGNALS_ENGINE_VERSION } from '@/server/signals';

import { pickSeries, readImage } from './images';
import { loadTimepointImages } from './load-inputs';
import { replaceReference } from './references';
import { readSignalSettings } from './settings';

export async function placeLiverByHand(
  db: Db, dataDir: string, timepointId: string, centreMm: Vec3, by: string,
) {
  const [point] = await db.select().from(timepoints).where(eq(timepoints.id, timepointId));
  if (!point) throw new AppError('NOT_FOUND', `No timepoint ${timepointId}.`);
  const tp = (await loadTimepointImages(db, point.patientId)).find((t) => t.id === timepointId);
  const fdg = tp && pickSeries(tp).fdg;
  if (!fdg?.series.suv?.suvBwFactor) {
    throw new AppError('BAD_INPUT', `Timepoint ${timepointId} has no FDG PET with SUV.`, {
      userMessage: 'This timepoint has no FDG PET with SUV factors to place a liver sphere on.',
    });
  }
  const { liverSphereRadiusMm } = await readSignalSettings(db);
  const ref = liverReferenceAt(await readImage(dataDir, fdg.volume), centreMm, {
    suvBwFactor: fdg.series.suv.suvBwFactor, sulFactor: fdg.series.suv.sulFactor ?? null,
    radiusMm: liverSphereRadiusMm,
  });
  const row = { patientId: point.patientId, timepointId, petSeriesId: fdg.series.id,
    kind: 'liver' as const, placement: 'user' as const, centreMm: ref.centreMm,
    radiusMm: ref.radiusMm, voxelCount: ref.voxelCount, suvMean: ref.suvMean, suvSd: ref.suvSd,
    sulMean: ref.sulMean, sulSd: ref.sulSd, engineVersion: SIGNALS_ENGINE_VERSION, placedBy: by };
  await replaceReference(db, row);

  return ref;
}
