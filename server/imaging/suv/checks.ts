/**
 * Plausibility checks on the tags SUV depends on. Each failure stops the calculation
 * with a one-line reason that names the tag, so a wrong SUV is never shown.
 */
import { SuvUnavailable, type PetSuvMetadata } from './metadata';

/** A living patient of any age; outside this the tag is a typing or unit error. */
const WEIGHT_RANGE_KG = [1, 500] as const;
/**
 * Diagnostic PET activities lie between a few MBq (small animals aside) and a few GBq.
 * The same numbers written in MBq, as some writers do, land between 1 and 20000.
 */
const DOSE_RANGE_BQ = [1e6, 2e10] as const;
const DOSE_RANGE_MBQ = [1, 2e4] as const;

const within = (value: number, [low, high]: readonly [number, number]) =>
  value >= low && value <= high;

export function patientWeightKg(meta: PetSuvMetadata): number {
  const weight = meta.PatientWeight;
  if (weight === undefined) throw new SuvUnavailable('PatientWeight is missing.');
  if (!within(weight, WEIGHT_RANGE_KG)) {
    throw new SuvUnavailable(`PatientWeight ${weight} kg is outside 1-500 kg.`);
  }

  return weight;
}

/** The injected activity in Bq; a value in the MBq band is converted with a warning. */
export function injectedDoseBq(meta: PetSuvMetadata, warnings: string[]): number {
  const dose = meta.RadionuclideTotalDose;
  if (dose === undefined) throw new SuvUnavailable('RadionuclideTotalDose is missing.');
  if (within(dose, DOSE_RANGE_BQ)) return dose;
  if (within(dose, DOSE_RANGE_MBQ)) {
    warnings.push(`RadionuclideTotalDose ${dose} read as MBq: too small for Bq.`);

    return dose * 1e6;
  }

  throw new SuvUnavailable(`RadionuclideTotalDose ${dose} is not a plausible activity in Bq.`);
}

export function halfLifeSeconds(meta: PetSuvMetadata): number {
  const halfLife = meta.RadionuclideHalfLife;
  if (halfLife === undefined) throw new SuvUnavailable('RadionuclideHalfLife is missing.');
  if (!(halfLife > 0)) {
    throw new SuvUnavailable(`RadionuclideHalfLife ${halfLife} s is not positive.`);
  }

  return halfLife;
}

/** Attenuation correction is what makes PET values quantitative at all. */
export function checkCorrections(meta: PetSuvMetadata, warnings: string[]): void {
  const corrected = meta.CorrectedImage;
  if (!corrected) {
    warnings.push('CorrectedImage is missing; attenuation correction is assumed.');

    return;
  }
  if (!corrected.includes('ATTN')) {
    throw new SuvUnavailable('CorrectedImage lacks ATTN: the series is not attenuation corrected.');
  }
  if (meta.DecayCorrection !== 'NONE' && !corrected.includes('DECY')) {
    warnings.push(`CorrectedImage lacks DECY although DecayCorrection is ${meta.DecayCorrection}.`);
  }
}

const SERIES_LEVEL = [
  'Units',
  'DecayCorrection',
  'PatientWeight',
  'PatientSize',
  'PatientSex',
  'RadionuclideTotalDose',
  'RadionuclideHalfLife',
  'RadiopharmaceuticalStartTime',
  'RadiopharmaceuticalStartDateTime',
  'SeriesDate',
  'SeriesTime',
] as const;

/** Instances of one series must agree on everything the factor is built from. */
export function checkOneSeries(instances: PetSuvMetadata[]): PetSuvMetadata {
  const [first, ...rest] = instances;
  if (!first) throw new SuvUnavailable('No PET instances to compute SUV from.');

  for (const tag of SERIES_LEVEL) {
    if (rest.some((instance) => instance[tag] !== first[tag])) {
      throw new SuvUnavailable(`Instances disagree on ${tag}; they are not one PET series.`);
    }
  }

  return first;
}
