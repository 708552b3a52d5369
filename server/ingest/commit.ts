import fs from 'node:fs/promises';
import path from 'node:path';

import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { instances, patients, segmentMasks, series, studies, volumes } from '@/db/schema';
import { AppError } from '@/server/lib/errors';
import { dicomPath, maskPath, volumePath } from '@/server/storage/layout';

import type { PreparedSeries } from './prepared';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Makes a prepared series visible: files move into the content-addressed store first,
 * then one transaction inserts every row. A crash before the commit leaves only
 * unreferenced files behind; readers never see part of a series.
 */
export async function commitSeries(db: Db, dataDir: string, prepared: PreparedSeries) {
  for (const instance of prepared.instances) {
    const target = path.join(
      /* turbopackIgnore: true */ dataDir,
      instance.storedPath ?? dicomPath(instance.digest),
    );
    if (instance.stagedPath === target) continue;
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(instance.stagedPath, target);
  }

  return db.transaction(async (tx) => {
    const patientRowId = await upsertPatient(tx, prepared);
    const studyId = await upsertStudy(tx, patientRowId, prepared);
    const seriesId = await replaceSeries(tx, studyId, prepared);
    await insertInstances(tx, seriesId, prepared);
    await insertVolume(tx, seriesId, prepared);
    await insertSegments(tx, seriesId, prepared);

    return { patientRowId, seriesId };
  });
}

async function upsertPatient(tx: Tx, prepared: PreparedSeries): Promise<string> {
  const h = prepared.header;
  const known = { sex: h.sex, birthYear: h.birthYear, weightKg: h.weightKg, heightM: h.heightM };
  // Later scans keep demographics current, but an absent value never erases one.
  const present = Object.fromEntries(Object.entries(known).filter(([, v]) => v !== null));
  const [row] = await tx
    .insert(patients)
    .values({ patientId: h.patientId, ...present })
    .onConflictDoUpdate({ target: patients.patientId, set: { ...present, patientId: h.patientId } })
    .returning({ id: patients.id });

  return required(row, 'patient').id;
}

async function upsertStudy(tx: Tx, patientRowId: string, prepared: PreparedSeries) {
  const h = prepared.header;
  const [existing] = await tx
    .select({ id: studies.id, patientId: studies.patientId })
    .from(studies)
    .where(eq(studies.studyInstanceUid, h.studyInstanceUid));
  if (existing && existing.patientId !== patientRowId) {
    throw new AppError('CONFLICT', `Study ${h.studyInstanceUid} belongs to another patient.`);
  }
  if (existing) return existing.id;

  const [row] = await tx
    .insert(studies)
    .values({
      patientId: patientRowId,
      studyInstanceUid: h.studyInstanceUid,
      studyDate: h.studyDate,
      description: h.studyDescription,
    })
    .returning({ id: studies.id });

  return required(row, 'study').id;
}

/**
 * A series that gains instances in a later upload is re-assembled from all of them:
 * its row is updated in place (so masks of other series that point at it stay) and
 * its own instances, volume and segments are replaced. A type or contrast phase set by a
 * user survives.
 */
async function replaceSeries(tx: Tx, studyId: string, prepared: PreparedSeries) {
  const h = prepared.header;
  const [old] = await tx
    .select()
    .from(series)
    .where(eq(series.seriesInstanceUid, h.seriesInstanceUid));
  const userType = old?.seriesTypeSource === 'user';
  const userPhase = old?.contrastPhaseSource === 'user';
  const values = {
    studyId,
    seriesInstanceUid: h.seriesInstanceUid,
    modality: h.modality,
    seriesType: userType ? old.seriesType : h.seriesType,
    seriesTypeSource: userType ? 'user' : 'auto',
    seriesTypeReason: h.seriesTypeReason,
    tracer: h.tracer,
    contrastPhase: userPhase ? old.contrastPhase : h.contrastPhase,
    contrastPhaseSource: userPhase ? 'user' : 'auto',
    frameOfReferenceUid: h.frameOfReferenceUid,
    seriesNumber: h.seriesNumber,
    description: h.description,
    instanceCount: prepared.instances.length,
    suv: prepared.suv ?? null,
    referencedSeriesUid: h.referencedSeriesUid,
  };
  if (!old) {
    const [row] = await tx.insert(series).values(values).returning({ id: series.id });

    return required(row, 'series').id;
  }

  await tx.update(series).set(values).where(eq(series.id, old.id));
  await tx.delete(instances).where(eq(instances.seriesId, old.id));
  await tx.delete(volumes).where(eq(volumes.seriesId, old.id));
  await tx.delete(segmentMasks).where(eq(segmentMasks.sourceSeriesId, old.id));

  return old.id;
}

async function insertInstances(tx: Tx, seriesId: string, prepared: PreparedSeries) {
  const rows = prepared.instances.map((i) => ({
    seriesId,
    sopInstanceUid: i.sopInstanceUid,
    sopClassUid: i.sopClassUid,
    digest: i.digest,
    storedPath: i.storedPath ?? dicomPath(i.digest),
    sizeBytes: i.sizeBytes,
  }));
  // Batches keep each statement well under PostgreSQL's 65535 parameter limit.
  for (let start = 0; start < rows.length; start += 1000) {
    await tx.insert(instances).values(rows.slice(start, start + 1000));
  }
}

async function insertVolume(tx: Tx, seriesId: string, prepared: PreparedSeries) {
  const v = prepared.volume;
  if (!v) return;

  await tx.insert(volumes).values({
    id: v.id,
    seriesId,
    size: v.geometry.size,
    spacingMm: v.geometry.spacingMm,
    originMm: v.geometry.originMm,
    direction: v.geometry.direction,
    pixelType: v.pixelType,
    storedPath: volumePath(v.id),
    minValue: v.minValue,
    maxValue: v.maxValue,
    report: v.report,
  });
}

async function insertSegments(tx: Tx, seriesId: string, prepared: PreparedSeries) {
  const segs = prepared.segments;
  if (!segs || segs.list.length === 0) return;

  const [image] = await tx
    .select({ id: series.id })
    .from(series)
    .where(eq(series.seriesInstanceUid, segs.imageSeriesUid));
  const imageSeriesId = required(image, 'referenced image series').id;
  await tx.insert(segmentMasks).values(
    segs.list.map((s) => ({
      id: s.id,
      sourceSeriesId: seriesId,
      imageSeriesId,
      segmentNumber: s.segmentNumber,
      label: s.label,
      description: s.description,
      voxelCount: s.voxelCount,
      bbox: s.bbox,
      storedPath: maskPath(s.id),
    })),
  );
}

function required<T>(row: T | undefined, what: string): T {
  if (!row) throw new AppError('INTERNAL', `Writing the ${what} returned no row.`);

  return row;
}
