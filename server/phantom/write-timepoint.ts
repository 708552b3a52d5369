/**
 * Writes every series of one timepoint and returns what happened as ground truth:
 * the CT first (its voxels decide the SEG), then the SEG with the lesions in a fresh
 * random order, then the PET and MR series (the MR in a session of its own when asked
 * for), the unenhanced CT when asked for, then the analytic measures.
 */
import path from 'node:path';
import type { ImageGeometry } from '@/server/imaging/image';
import { voxelVolumeMl } from '@/server/imaging/image';
import { axialDiameters } from './axial-diameters';
import type { LesionMask, UptakeStats } from './collectors';
import { seriesModule } from './dicom/modules';
import { FDG, FMISO, F18_HALF_LIFE_S } from './dicom/pet-series';
import { writeSeg } from './dicom/seg-series';
import type {
  CoreTruth,
  LesionObservation,
  SegTruth,
  TimepointTruth,
  TracerTruth,
} from './ground-truth';
import { ENHANCEMENT_HU_PER_KTRANS } from './enhancement';
import { analyticMoments } from './lesion-shape';
import type { LesionModel } from './lesions';
import { mrSessionContext, mrSessionTruth } from './mr-session';
import type { TracerTiming } from './patient-plan';
import { toScanner } from './pose';
import { createRng, shuffled } from './random';
import {
  writeAdc,
  writeCt,
  writeFdg,
  writeFmiso,
  writeKtrans,
  writeUnenhancedCt,
} from './series-writers';
import type { TimepointContext } from './timepoint-context';
import { dicomTime } from './dicom/values';

type Segments = Map<string, { segmentNumber: number; label: string }>;

async function writeLesionSeg(ctx: TimepointContext, ct: Awaited<ReturnType<typeof writeCt>>) {
  const present = ctx.patient.lesions
    .map((l, i) => ({ lesion: l, mask: ct.masks[i]! }))
    .filter((e) => e.mask.voxelCount > 0);
  const numbering: Segments = new Map();
  if (present.length === 0) return { seg: null, numbering };

  // Segment numbers (and so labels) are dealt afresh each timepoint: they carry no identity.
  const order = shuffled(
    createRng(ctx.seed, `${ctx.patient.patientId}/tp${ctx.tp.index}/segments`),
    present,
  );
  order.forEach((e, i) =>
    numbering.set(e.lesion.id, { segmentNumber: i + 1, label: `Lesion ${i + 1}` }),
  );
  const seriesInstanceUid = ctx.uid('series/SEG');
  const file = path.posix.join(ctx.relativeDir, 'SEG', 'IM0001.dcm');
  const series = {
    seriesInstanceUid,
    seriesNumber: 3,
    modality: 'SEG' as const,
    description: 'Lesion segmentation',
    seriesSec: ctx.tp.studySec + 3600,
  };
  await writeSeg({
    file: path.join(ctx.outDir, file),
    geometry: ct.truth.geometry,
    shared: {
      ...ctx.shared,
      ...seriesModule(ctx.tp, series),
      ContentDate: ctx.tp.date.replaceAll('-', ''),
      ContentTime: dicomTime(series.seriesSec),
    },
    sopInstanceUid: ctx.uid('instance/SEG'),
    dimensionOrganizationUid: ctx.uid('dimension-organization/SEG'),
    ctSeriesUid: ct.truth.seriesInstanceUid,
    ctInstanceUids: ct.instanceUids,
    segments: order.map((e, i) => ({
      segmentNumber: i + 1,
      label: `Lesion ${i + 1}`,
      organ: e.lesion.organ,
      frames: e.mask.frames,
    })),
  });
  const seg: SegTruth = {
    seriesInstanceUid,
    sopInstanceUid: ctx.uid('instance/SEG'),
    file,
    segmentCount: order.length,
  };

  return { seg, numbering };
}

function tracerTruth(date: string, timing: TracerTiming, suvPerBqml: number): TracerTruth {
  const at = (sec: number) => `${date}T${dicomTime(sec).replace(/(\d\d)(\d\d)(\d\d)/, '$1:$2:$3')}`;

  return {
    injectedDoseBq: timing.injectedDoseBq,
    injectionDateTime: at(timing.injectionSec),
    seriesStartDateTime: at(timing.seriesStartSec),
    halfLifeS: F18_HALF_LIFE_S,
    suvPerBqml,
  };
}

interface Measured {
  mask: LesionMask;
  uptake: UptakeStats;
  segment: { segmentNumber: number; label: string } | undefined;
  ctGeometry: ImageGeometry;
  /** Undefined when no unenhanced CT was written. */
  enhancementMeanHu: number | null | undefined;
}

function coreTruth(ctx: TimepointContext, lesion: LesionModel): CoreTruth | null {
  const core = lesion.core;
  if (!core || lesion.course.scales[ctx.tp.index]! <= 0) return null;

  return {
    centreScannerMm: toScanner(ctx.tp.pose, core.centreMm),
    radiusMm: core.radiusMm,
    suvPeak: core.suvPeak,
    adc: core.adc,
    ktransPerMin: core.ktransPerMin,
    fmisoSuv: core.fmisoSuv,
  };
}

function observe(ctx: TimepointContext, lesion: LesionModel, m: Measured): LesionObservation {
  const k = ctx.tp.index;
  const scale = lesion.course.scales[k]!;
  const present = scale > 0;
  const moments = present ? analyticMoments(lesion.shape, scale) : null;
  const diameters = axialDiameters(lesion, scale, ctx.tp.pose, m.ctGeometry);

  return {
    lesionId: lesion.id,
    present,
    sizeFactor: scale,
    voxelCount: m.mask.voxelCount,
    voxelVolumeMl: m.mask.voxelCount * voxelVolumeMl(m.ctGeometry),
    analyticVolumeMl: moments?.volumeMl ?? 0,
    longAxisMm: diameters?.longAxisMm ?? null,
    shortAxisMm: diameters?.shortAxisMm ?? null,
    measuredSliceIndex: diameters?.sliceIndex ?? null,
    centroidScannerMm: moments ? toScanner(ctx.tp.pose, moments.centroidMm) : null,
    centroidBaselineMm: moments?.centroidMm ?? null,
    maskCentroidScannerMm: m.mask.centroidMm,
    suvMax: m.uptake.max,
    suvMean: m.uptake.mean,
    suvMaxVoxel: m.uptake.maxVoxel,
    suvPeakModel: lesion.course.suvPeaks[k]!,
    adcModel: lesion.course.adc[k]!,
    ktransModelPerMin: lesion.course.ktransPerMin[k]!,
    fmisoSuvModel: lesion.course.fmisoSuv[k]!,
    enhancementModelHu:
      m.enhancementMeanHu === undefined || !present
        ? null
        : ENHANCEMENT_HU_PER_KTRANS * lesion.course.ktransPerMin[k]!,
    enhancementMeanHu: m.enhancementMeanHu ?? null,
    segmentNumber: m.segment?.segmentNumber ?? null,
    segmentLabel: m.segment?.label ?? null,
    core: coreTruth(ctx, lesion),
  };
}

/** Writes the timepoint's series; `done` is called once per series written. */
export async function writeTimepoint(
  ctx: TimepointContext,
  done: () => void,
): Promise<TimepointTruth> {
  const { tp, patient } = ctx;
  const ct = await writeCt(ctx);
  done();
  const { seg, numbering } = await writeLesionSeg(ctx, ct);
  done();
  const fdg = await writeFdg(ctx, FDG);
  done();
  const extra = patient.multimodal ? await writeMultimodal(ctx, done) : null;
  const unenhanced = ctx.unenhancedCt ? (await writeUnenhancedCt(ctx)).truth : null;
  if (unenhanced) done();
  const lesions = patient.lesions.map((lesion, i) =>
    observe(ctx, lesion, {
      mask: ct.masks[i]!,
      uptake: fdg.stats[i]!,
      segment: numbering.get(lesion.id),
      ctGeometry: ct.truth.geometry,
      enhancementMeanHu: ct.enhancementMeansHu ? ct.enhancementMeansHu[i] : undefined,
    }),
  );

  return {
    index: tp.index,
    date: tp.date,
    studyInstanceUid: ctx.studyInstanceUid,
    frameOfReferenceUid: ctx.frameOfReferenceUid,
    weightKg: tp.weightKg,
    pose: {
      rotation: tp.pose.rotation,
      translationMm: tp.pose.translationMm,
      anglesDeg: tp.pose.anglesDeg,
    },
    series: {
      ct: ct.truth,
      ctUnenhanced: unenhanced,
      fdgPet: fdg.truth,
      seg,
      adc: extra?.adc ?? null,
      ktrans: extra?.ktrans ?? null,
      fmisoPet: extra?.fmiso.truth ?? null,
    },
    fdg: tracerTruth(tp.date, tp.fdg, fdg.suvPerBqml),
    fmiso: extra ? tracerTruth(tp.date, tp.fmiso, extra.fmiso.suvPerBqml) : null,
    ...(extra?.mrSession ? { mrSession: extra.mrSession } : {}),
    liverSuvMean: fdg.liverSuvMean,
    lesions,
  };
}

/** The FMISO PET always shares the CT's session; the MR maps may have their own. */
async function writeMultimodal(ctx: TimepointContext, done: () => void) {
  const mr = ctx.separateMrFrame ? mrSessionContext(ctx) : ctx;
  const adc = (await writeAdc(mr)).truth;
  done();
  const ktrans = (await writeKtrans(mr)).truth;
  done();
  const fmiso = await writeFmiso(ctx, FMISO);
  done();

  return { adc, ktrans, fmiso, mrSession: mr === ctx ? null : mrSessionTruth(mr) };
}
