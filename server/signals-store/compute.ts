/**
 * Computes and stores every lesion signal of one patient, timepoint by timepoint, with the
 * PET references they need. Re-running replaces the automatic values and references;
 * a liver sphere a user placed is kept and re-measured at its centre.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { signalRuns } from '@/db/schema';
import type { ImageVolume } from '@/server/imaging/image';
import { logger } from '@/server/lib/log';
import { yieldToRequests } from '@/server/lib/yield';
import {
  computeLesionSignals, SIGNALS_ENGINE_VERSION, type PetSeries, type SeriesImage,
  type SignalValue,
} from '@/server/signals';

import { readContrastPair } from './contrast-images';
import { pickSeries, readImage, readMask, type SignalSeries } from './images';
import { findPatient, loadTimepointImages, type ImagedSeries, type TimepointImages }
  from './load-inputs';
import { replaceTimepointValues, type MaskSignals } from './persist-values';
import {
  inCtFrame, loadSeriesRegistrations, seriesFrames, type RegistrationRow, type SeriesFrame,
} from './series-frames';
import { storeFmisoReference, storeLiverReference } from './references';
import { effectiveSettings, readSignalSettings, type SignalSettings } from './settings';

// The signals have no log channel of their own yet; they share the feature engine's.
const log = logger('signals');

export interface SignalProgress {
  timepoint: number;
  timepoints: number;
  date: string;
  masks: number;
}

export interface ComputeSummary {
  patientId: string;
  timepoints: number;
  masks: number;
  values: number;
  durationMs: number;
}

export async function computePatientSignals(
  db: Db, dataDir: string, patientId: string, onProgress?: (p: SignalProgress) => void,
): Promise<ComputeSummary> {
  const started = Date.now();
  const patient = await findPatient(db, patientId);
  const settings = await readSignalSettings(db);
  const points = await loadTimepointImages(db, patient.id);
  const registrations = await loadSeriesRegistrations(db, patient.id);
  let [masks, values] = [0, 0];
  for (const [n, tp] of points.entries()) {
    onProgress?.({ timepoint: n + 1, timepoints: points.length, date: tp.date,
      masks: tp.masks.length });
    values += await computeTimepoint(db, dataDir, { patientRowId: patient.id, tp, registrations },
      settings);
    masks += tp.masks.length;
  }
  const durationMs = Date.now() - started;
  await recordRun(db, patient.id, settings, masks, durationMs);
  log.info('signals computed', { durationMs, count: values });

  return { patientId, timepoints: points.length, masks, values, durationMs };
}

async function recordRun(
  db: Db, patientRowId: string, s: SignalSettings, maskCount: number, durationMs: number,
) {
  const row = { patientId: patientRowId, engineVersion: SIGNALS_ENGINE_VERSION,
    settings: effectiveSettings(s), maskCount, durationMs, computedAt: new Date() };
  await db.delete(signalRuns).where(eq(signalRuns.patientId, patientRowId));
  await db.insert(signalRuns).values(row);
}

/** pickSeries only hands out PET series whose SUV factor is known. */
function petOf(s: ImagedSeries, image: ImageVolume): PetSeries {
  const suvBwFactor = s.series.suv?.suvBwFactor;
  if (suvBwFactor === undefined) throw new Error(`Series ${s.series.id} has no SUV factor.`);

  return { seriesUid: s.series.id, image, suvBwFactor, sulFactor: s.series.suv?.sulFactor ?? null };
}

async function readAll(dataDir: string, picked: SignalSeries, frames: Map<string, SeriesFrame>) {
  const read = async (s?: ImagedSeries) => s
    ? { s, image: inCtFrame(await readImage(dataDir, s.volume), frames.get(s.series.id)) }
    : undefined;
  const [ct, fdg, fmiso, flt, adc, ktrans] = await Promise.all([picked.ct, picked.fdg,
    picked.fmiso, picked.flt, picked.adc, picked.ktrans].map(read));
  const plain = (x?: { s: ImagedSeries; image: ImageVolume }): SeriesImage | undefined =>
    x && { seriesUid: x.s.series.id, image: x.image };

  return {
    ct: plain(ct), adc: plain(adc), ktrans: plain(ktrans),
    fdg: fdg && petOf(fdg.s, fdg.image),
    fmiso: fmiso && petOf(fmiso.s, fmiso.image),
    flt: flt && petOf(flt.s, flt.image),
  };
}

interface TimepointJob {
  patientRowId: string;
  tp: TimepointImages;
  registrations: RegistrationRow[];
}

async function computeTimepoint(
  db: Db, dataDir: string, { patientRowId, tp, registrations }: TimepointJob, s: SignalSettings,
): Promise<number> {
  const picked = pickSeries(tp);
  const frames = seriesFrames(tp, picked.ct, registrations);
  const images = await readAll(dataDir, picked, frames);
  const contrast = await readContrastPair(dataDir, tp, picked.ct, images.ct);
  const masks = await Promise.all(tp.masks.map(async (m) => ({
    key: m.key, source: m.source, gridSeriesId: m.grid.series.id,
    image: inCtFrame(await readMask(dataDir, m, m.grid.volume), frames.get(m.grid.series.id)),
  })));
  const lesionMasks = masks.map((m) => m.image);
  const ctx = (pet: PetSeries) =>
    ({ patientRowId, timepointId: tp.id, petSeriesId: pet.seriesUid });
  const { ct, fdg, fmiso } = images;
  await yieldToRequests();
  if (ct && fdg) await storeLiverReference(db, ctx(fdg), { ct: ct.image, fdg }, lesionMasks, s);
  const fmisoRef = ct && fmiso
    ? await storeFmisoReference(db, ctx(fmiso), { ct: ct.image, fmiso }, lesionMasks)
    : undefined;
  await yieldToRequests();
  const reference = fmisoRef && 'suvMean' in fmisoRef ? fmisoRef : undefined;
  // FMISO without a background gets its signals skipped with the reference's failure.
  const noReference = fmisoRef && 'failed' in fmisoRef
    ? ['fmiso-tbrmax', 'hypoxic-fraction'].map((signalId) =>
      ({ signalId, reason: `no FMISO background reference: ${fmisoRef.failed}` }))
    : [];
  const sources = new Set(Object.entries({ CT: ct, 'PT:FDG': fdg, 'PT:FLT': images.flt,
    'PT:FMISO': fmiso, MR_ADC: images.adc, MR_DCE_KTRANS: images.ktrans,
    'contrast-pair': contrast })
    .flatMap(([key, image]) => (image ? [key] : [])));
  const results: MaskSignals[] = [];
  for (const m of masks) {
    // Each lesion takes up to seconds of computing: requests are answered in between.
    await yieldToRequests();
    const signals = computeLesionSignals({
      mask: m.image, maskSeries: m.gridSeriesId, ...defined({ ct: images.ct, fdg,
        flt: images.flt, adc: images.adc, ktrans: images.ktrans,
        fmiso: fmiso && reference ? { ...fmiso, reference } : undefined, contrast }),
    });

    results.push({ key: m.key, maskSource: m.source, sources,
      signals: { values: noteFrames(signals.values, frames),
        skipped: [...signals.skipped, ...noReference] } });
  }

  return replaceTimepointValues(db, patientRowId, tp.id, results);
}

/** Values measured on a series in another frame say how it was aligned to the CT. */
function noteFrames(values: SignalValue[], frames: Map<string, SeriesFrame>): SignalValue[] {
  return values.map((v) => {
    const frame = frames.get(v.sourceSeries);
    if (!frame) return v;

    return { ...v, provenance: { ...v.provenance,
      settings: { ...v.provenance.settings, seriesFrame: frame.note } } };
  });
}

/** Drops undefined members: the signal input's optional fields must be absent, not undefined. */
function defined<T extends object>(o: T) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
