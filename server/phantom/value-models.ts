/**
 * What each modality shows for each tissue and lesion. CT in HU, the PET tracers in
 * SUV (body weight), ADC in 10⁻⁶ mm²/s, Ktrans in 1/min. Tissue values are typical
 * adult figures (lung −850 HU, liver SUV 2-2.5, muscle ADC ~1450); lesion values come
 * from each lesion's course at the timepoint.
 */
import { TISSUE, TISSUE_COUNT } from './anatomy';
import { lesionEnhancementHu } from './enhancement';
import type { LesionModel } from './lesions';
import type { PatientPlan } from './patient-plan';
import type { ValueModel } from './render';

type TissueName = keyof typeof TISSUE;

function table(values: Record<TissueName, number>): Float64Array {
  const out = new Float64Array(TISSUE_COUNT);
  for (const [name, code] of Object.entries(TISSUE)) out[code] = values[name as TissueName];

  return out;
}

export function ctModel(patient: PatientPlan): ValueModel {
  return {
    tissue: table({
      air: -1000,
      fat: -100,
      soft: 40,
      lung: -850,
      liver: patient.liverHu,
      marrow: 450,
      cortex: 700,
      disc: 90,
    }),
    lesion: (lesion) => lesion.hu,
  };
}

/**
 * The same patient before contrast. The phantom's long-standing CT is the enhanced one and
 * keeps its values, so here the enhancement is taken off: tissues by typical portal-venous
 * figures (liver about 20 HU, muscle 15, marrow 10), lesions by lesionEnhancementHu.
 * Known shortcoming: so it is the unenhanced lesion HU that moves with therapy here, where
 * in patients the enhanced value moves; their difference, which the signal reads, is right.
 */
export function unenhancedCtModel(patient: PatientPlan): ValueModel {
  const enhanced = ctModel(patient);
  const removed = table({
    air: 0,
    fat: 0,
    soft: 15,
    lung: 0,
    liver: 20,
    marrow: 10,
    cortex: 0,
    disc: 5,
  });

  return {
    tissue: enhanced.tissue.map((hu, code) => hu - removed[code]!),
    lesion: (lesion, k, radial, coreRadial) =>
      enhanced.lesion(lesion, k, radial, coreRadial) - lesionEnhancementHu(lesion, k, coreRadial),
  };
}

/**
 * FDG: the rim falls from the peak at the centre to 60% of it at the edge; a resistant
 * core keeps its baseline uptake whatever the rim does.
 */
export function fdgModel(patient: PatientPlan): ValueModel {
  return {
    tissue: table({
      air: 0,
      fat: 0.35,
      soft: 1,
      lung: 0.35,
      liver: patient.liverSuv,
      marrow: 1.5,
      cortex: 0.9,
      disc: 1,
    }),
    lesion: (lesion, k, radial, coreRadial) => {
      const rim = lesion.course.suvPeaks[k]! * (0.6 + 0.4 * (1 - radial * radial));
      if (!lesion.core || coreRadial >= 1) return rim;

      return Math.max(rim, lesion.core.suvPeak * (0.9 + 0.1 * (1 - coreRadial * coreRadial)));
    },
  };
}

function coreOr(
  lesion: LesionModel,
  coreRadial: number,
  rim: number,
  pick: (c: NonNullable<LesionModel['core']>) => number,
) {
  return lesion.core && coreRadial < 1 ? pick(lesion.core) : rim;
}

export function adcModel(): ValueModel {
  return {
    tissue: table({
      air: 0,
      fat: 150,
      soft: 1450,
      lung: 200,
      liver: 1100,
      marrow: 500,
      cortex: 100,
      disc: 1600,
    }),
    lesion: (lesion, k, _radial, coreRadial) =>
      coreOr(lesion, coreRadial, lesion.course.adc[k]!, (c) => c.adc),
  };
}

/** Ktrans: rim-enhancing lesions, a poorly perfused resistant core. */
export function ktransModel(): ValueModel {
  return {
    tissue: table({
      air: 0,
      fat: 0.01,
      soft: 0.05,
      lung: 0.02,
      liver: 0.12,
      marrow: 0.08,
      cortex: 0.01,
      disc: 0.02,
    }),
    lesion: (lesion, k, radial, coreRadial) => {
      const rim = lesion.course.ktransPerMin[k]! * (0.7 + 0.3 * radial * radial);

      return coreOr(lesion, coreRadial, rim, (c) => c.ktransPerMin);
    },
  };
}

/** FMISO: near-uniform background; hypoxic resistant cores are hot. */
export function fmisoModel(): ValueModel {
  return {
    tissue: table({
      air: 0,
      fat: 0.6,
      soft: 1.1,
      lung: 0.5,
      liver: 1.6,
      marrow: 1,
      cortex: 0.6,
      disc: 1,
    }),
    lesion: (lesion, k, _radial, coreRadial) =>
      coreOr(lesion, coreRadial, lesion.course.fmisoSuv[k]!, (c) => c.fmisoSuv),
  };
}
