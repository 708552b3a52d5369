/**
 * The series of one timepoint: CT (with the lesion masks collected on the way), the
 * FDG PET, for multimodal patients the ADC, Ktrans and FMISO series, and on request an
 * unenhanced CT of the same session beside the CT, which then carries a contrast agent.
 *
 * By default the MR maps share the CT's pose and Frame of Reference, as if acquired in the
 * same session; `separateMrFrame` gives them a session of their own (mr-session.ts).
 * Known shortcoming: the FMISO PET always shares the CT's session.
 */
import path from 'node:path';
import type { ImageGeometry } from '@/server/imaging/image';
import type { UptakeStats } from './collectors';
import { collectMasks, collectUptake } from './collectors';
import { CT_ELEMENTS, quantiseCt } from './dicom/ct-series';
import type { SeriesInfo } from './dicom/modules';
import { SOP_CLASS, seriesModule } from './dicom/modules';
import { ADC_ELEMENTS, KTRANS_ELEMENTS, KTRANS_SLOPE, quantiseUint16 } from './dicom/mr-series';
import type { Tracer } from './dicom/pet-series';
import { bqmlToSuv, petElements, quantisePet } from './dicom/pet-series';
import type { NoiseSpec, Quantised } from './dicom/volume-series';
import { writeVolumeSeries } from './dicom/volume-series';
import type { SeriesTruth } from './ground-truth';
import { collectEnhancement } from './enhancement';
import { CT_GRIDS, gridGeometry, MR_GRIDS, PET_GRIDS, UNENHANCED_CT_GRIDS } from './grids';
import type { TracerTiming } from './patient-plan';
import type { ValueModel } from './render';
import type { TimepointContext } from './timepoint-context';
import { dicomTime } from './dicom/values';
import {
  adcModel,
  ctModel,
  fdgModel,
  fmisoModel,
  ktransModel,
  unenhancedCtModel,
} from './value-models';
import type { SliceBuffers } from './render';

interface SeriesRequest {
  folder: string;
  number: number;
  modality: SeriesInfo['modality'];
  description: string;
  seriesSec: number;
  sopClassUid: string;
  geometry: ImageGeometry;
  model: ValueModel;
  noise: NoiseSpec;
  elements: object;
  quantise(values: Float64Array): Quantised;
  onSlice?(k: number, buffers: SliceBuffers, decoded: Float64Array): void;
}

async function writeSeries(ctx: TimepointContext, request: SeriesRequest) {
  const series: SeriesInfo = {
    seriesInstanceUid: ctx.uid(`series/${request.folder}`),
    seriesNumber: request.number,
    modality: request.modality,
    description: request.description,
    seriesSec: request.seriesSec,
  };
  const directory = path.posix.join(ctx.relativeDir, request.folder);
  const instanceUids = await writeVolumeSeries(ctx.seed, ctx.scene, {
    directory: path.join(ctx.outDir, directory),
    sopClassUid: request.sopClassUid,
    geometry: request.geometry,
    series,
    shared: { ...ctx.shared, ...seriesModule(ctx.tp, series), ...request.elements },
    model: request.model,
    noise: request.noise,
    quantise: request.quantise,
    onSlice: request.onSlice,
  });
  const truth: SeriesTruth = {
    seriesInstanceUid: series.seriesInstanceUid,
    directory,
    instanceCount: instanceUids.length,
    geometry: request.geometry,
  };

  return { truth, instanceUids };
}

/** Iodinated contrast given 70 s before the CT: a portal-venous phase. */
function contrastElements(ctx: TimepointContext) {
  return {
    ContrastBolusAgent: 'IOHEXOL',
    ContrastBolusRoute: 'IV',
    ContrastBolusVolume: 90,
    ContrastBolusStartTime: dicomTime(ctx.tp.studySec - 70),
  };
}

/**
 * The CT the lesions are segmented on. With an unenhanced CT beside it, it carries the
 * contrast agent and the lesions' mean enhancement over its voxels is collected.
 */
export async function writeCt(ctx: TimepointContext) {
  const choice = CT_GRIDS[ctx.size][ctx.tp.ctGridChoice]!;
  const geometry = gridGeometry(choice, ctx.tp.scanCentreZMm);
  const count = ctx.patient.lesions.length;
  const masks = collectMasks(geometry, count);
  const enhancement = ctx.unenhancedCt ? collectEnhancement(ctx.scene, geometry, count) : null;
  const written = await writeSeries(ctx, {
    folder: 'CT',
    number: 1,
    modality: 'CT',
    description: 'CT chest-abdomen',
    seriesSec: ctx.tp.studySec,
    sopClassUid: SOP_CLASS.ct,
    geometry,
    model: ctModel(ctx.patient),
    noise: { kind: 'additive', sigma: 10 },
    elements: ctx.unenhancedCt ? { ...CT_ELEMENTS, ...contrastElements(ctx) } : CT_ELEMENTS,
    quantise: quantiseCt,
    onSlice: (k, buffers) => {
      masks.add(k, buffers);
      enhancement?.add(k);
    },
  });

  return { ...written, masks: masks.result(), enhancementMeansHu: enhancement?.means() ?? null };
}

/** The pre-contrast pass of the same session: same study, Frame of Reference and pose. */
export function writeUnenhancedCt(ctx: TimepointContext) {
  return writeSeries(ctx, {
    folder: 'CT_UNENHANCED',
    number: 7,
    modality: 'CT',
    description: 'CT chest-abdomen non-contrast',
    seriesSec: ctx.tp.studySec - 300,
    sopClassUid: SOP_CLASS.ct,
    geometry: gridGeometry(UNENHANCED_CT_GRIDS[ctx.size], ctx.tp.scanCentreZMm),
    model: unenhancedCtModel(ctx.patient),
    noise: { kind: 'additive', sigma: 10 },
    elements: CT_ELEMENTS,
    quantise: quantiseCt,
  });
}

interface PetRequest {
  tracer: Tracer;
  timing: TracerTiming;
  folder: string;
  number: number;
  model: ValueModel;
}

async function writePet(ctx: TimepointContext, request: PetRequest) {
  const geometry = gridGeometry(PET_GRIDS[ctx.size], ctx.tp.scanCentreZMm);
  const suvPerBqml = bqmlToSuv(request.timing, ctx.tp.weightKg);
  const uptake = collectUptake(geometry, ctx.patient.lesions.length, suvPerBqml);
  const sliceCount = geometry.size[2];
  let k = 0;
  const written = await writeSeries(ctx, {
    folder: request.folder,
    number: request.number,
    modality: 'PT',
    description: `PET ${request.tracer.name} (SUV-ready, BQML)`,
    seriesSec: request.timing.seriesStartSec,
    sopClassUid: SOP_CLASS.pet,
    geometry,
    model: request.model,
    noise: { kind: 'relative', sigma: 0.07 },
    elements: petElements(ctx.patient, ctx.tp, request.tracer, request.timing, sliceCount),
    quantise: (suv) =>
      quantisePet(
        suv.map((v) => v / suvPerBqml),
        request.tracer.signed,
        () => sliceCount - k++,
      ),
    onSlice: (slice, buffers, decoded) => uptake.add(slice, buffers, decoded),
  });
  const stats: UptakeStats[] = uptake.lesions();

  return { ...written, suvPerBqml, stats, liverSuvMean: uptake.liverMean() };
}

export function writeFdg(ctx: TimepointContext, tracer: Tracer) {
  return writePet(ctx, {
    tracer,
    timing: ctx.tp.fdg,
    folder: 'PT_FDG',
    number: 2,
    model: fdgModel(ctx.patient),
  });
}

export function writeFmiso(ctx: TimepointContext, tracer: Tracer) {
  return writePet(ctx, {
    tracer,
    timing: ctx.tp.fmiso,
    folder: 'PT_FMISO',
    number: 6,
    model: fmisoModel(),
  });
}

export async function writeAdc(ctx: TimepointContext) {
  const geometry = gridGeometry(MR_GRIDS[ctx.size], ctx.tp.scanCentreZMm);

  return writeSeries(ctx, {
    folder: 'MR_ADC',
    number: 4,
    modality: 'MR',
    description: 'ADC (10^-6 mm2/s)',
    seriesSec: ctx.tp.studySec + 1800,
    sopClassUid: SOP_CLASS.mr,
    geometry,
    model: adcModel(),
    noise: { kind: 'relative', sigma: 0.05 },
    elements: ADC_ELEMENTS,
    quantise: (v) => quantiseUint16(v, 1),
  });
}

export async function writeKtrans(ctx: TimepointContext) {
  const geometry = gridGeometry(MR_GRIDS[ctx.size], ctx.tp.scanCentreZMm);

  return writeSeries(ctx, {
    folder: 'MR_KTRANS',
    number: 5,
    modality: 'MR',
    description: 'DCE KTRANS (1/min)',
    seriesSec: ctx.tp.studySec + 2400,
    sopClassUid: SOP_CLASS.mr,
    geometry,
    model: ktransModel(),
    noise: { kind: 'relative', sigma: 0.05 },
    elements: KTRANS_ELEMENTS,
    quantise: (v) => quantiseUint16(v, KTRANS_SLOPE),
  });
}
