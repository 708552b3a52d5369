/**
 * The PET references of one timepoint: the PERCIST liver sphere (placed automatically
 * unless a user placed it) and the FMISO background the TBRs are divided by.
 */
import { and, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { petReferences } from '@/db/schema';
import type { ImageVolume } from '@/server/imaging/image';
import {
  fmisoBackgroundReference, liverReferenceAt, placeLiverReference, SIGNALS_ENGINE_VERSION,
  type HypoxiaReference, type LiverReference, type PetSeries,
} from '@/server/signals';

import type { SignalSettings } from './settings';

export type PetReferenceRow = typeof petReferences.$inferSelect;
type NewReference = typeof petReferences.$inferInsert;

export interface ReferenceContext {
  patientRowId: string;
  timepointId: string;
  petSeriesId: string;
}

async function storedUserLiver(db: Db, timepointId: string) {
  const [row] = await db.select().from(petReferences).where(and(
    eq(petReferences.timepointId, timepointId), eq(petReferences.kind, 'liver')));

  return row?.placement === 'user' && row.centreMm ? row : null;
}

export async function replaceReference(db: Db, row: NewReference) {
  await db.delete(petReferences).where(and(
    eq(petReferences.timepointId, row.timepointId), eq(petReferences.kind, row.kind)));
  await db.insert(petReferences).values(row);
}

function liverRow(ctx: ReferenceContext, ref: LiverReference, placement: 'auto' | 'user') {
  return {
    patientId: ctx.patientRowId, timepointId: ctx.timepointId, petSeriesId: ctx.petSeriesId,
    kind: 'liver' as const, placement, centreMm: ref.centreMm, radiusMm: ref.radiusMm,
    voxelCount: ref.voxelCount, suvMean: ref.suvMean, suvSd: ref.suvSd, sulMean: ref.sulMean,
    sulSd: ref.sulSd, engineVersion: SIGNALS_ENGINE_VERSION,
  };
}

/**
 * Places (or re-measures at the user's centre) the liver sphere and stores it. A liver
 * that cannot be found is stored as a row without values and with the reason.
 */
export async function storeLiverReference(
  db: Db, ctx: ReferenceContext, images: { ct: ImageVolume; fdg: PetSeries },
  lesionMasks: ImageVolume[], s: SignalSettings,
): Promise<void> {
  const { ct, fdg } = images;
  const user = await storedUserLiver(db, ctx.timepointId);
  const options = { suvBwFactor: fdg.suvBwFactor, sulFactor: fdg.sulFactor,
    radiusMm: s.liverSphereRadiusMm };
  try {
    const ref = user?.centreMm
      ? liverReferenceAt(fdg.image, user.centreMm, options)
      : placeLiverReference(ct, fdg.image, { ...options, lesionMasks,
        lesionMarginMm: s.liverLesionMarginMm });
    const row = liverRow(ctx, ref, user ? 'user' : 'auto');
    await replaceReference(db, { ...row, placedBy: user?.placedBy ?? 'system' });
  } catch (err) {
    await replaceReference(db, {
      patientId: ctx.patientRowId, timepointId: ctx.timepointId, petSeriesId: ctx.petSeriesId,
      kind: 'liver', placement: user ? 'user' : 'auto', centreMm: user?.centreMm ?? null,
      note: err instanceof Error ? err.message : String(err),
      engineVersion: SIGNALS_ENGINE_VERSION, placedBy: user?.placedBy ?? 'system',
    });
  }
}

/** The FMISO background, stored; when none could be had, the reason (also stored). */
export async function storeFmisoReference(
  db: Db, ctx: ReferenceContext, images: { ct: ImageVolume; fmiso: PetSeries },
  lesionMasks: ImageVolume[],
): Promise<HypoxiaReference | { failed: string }> {
  const base = { patientId: ctx.patientRowId, timepointId: ctx.timepointId,
    petSeriesId: ctx.petSeriesId, kind: 'fmiso-background' as const, placement: 'auto' as const,
    engineVersion: SIGNALS_ENGINE_VERSION, placedBy: 'system' };
  try {
    const ref = fmisoBackgroundReference(
      images.fmiso.image, images.fmiso.suvBwFactor, images.ct, lesionMasks);
    await replaceReference(db, { ...base, suvMean: ref.suvMean, note: ref.method });

    return ref;
  } catch (err) {
    const failed = err instanceof Error ? err.message : String(err);
    await replaceReference(db, { ...base, note: failed });

    return { failed };
  }
}
