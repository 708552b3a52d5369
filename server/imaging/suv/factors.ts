import { bqmlFactors, type BodyWeightFactors } from './body-weight';
import { checkCorrections, checkOneSeries, patientWeightKg } from './checks';
import { leanBodyMass } from './lean-body-mass';
import { SuvUnavailable, type PetSuvMetadata, type SuvFactorResult } from './metadata';
import { cntsFactors } from './philips';

export type { PetSuvMetadata, SuvFactorResult } from './metadata';

function bodyWeightFactors(instances: PetSuvMetadata[], warnings: string[]): BodyWeightFactors {
  const [meta] = instances;
  const units = meta?.Units?.trim();
  if (units === 'GML') return { factors: [1], method: 'GML: values are SUVbw already' };
  if (!meta || units === undefined) throw new SuvUnavailable('Units is missing.');

  checkCorrections(meta, warnings);
  if (units === 'BQML') return bqmlFactors(instances, warnings);
  if (units === 'CNTS') return cntsFactors(instances, warnings);

  throw new SuvUnavailable(`Units "${units}" cannot be turned into SUV (BQML, GML or CNTS).`);
}

/** SUL = SUVbw x LBM / W; when LBM cannot be had, SUVbw stands alone with the reason. */
function sulFactor(meta: PetSuvMetadata, suvBwFactor: number, warnings: string[]) {
  let weightKg: number;
  try {
    weightKg = patientWeightKg(meta);
  } catch (err) {
    if (!(err instanceof SuvUnavailable)) throw err;
    warnings.push(`SUL unavailable: ${err.message}`);

    return { sulFactor: null, leanBodyMassKg: null };
  }

  const lbm = leanBodyMass(meta, weightKg);
  if ('reason' in lbm) {
    warnings.push(`SUL unavailable: ${lbm.reason}`);

    return { sulFactor: null, leanBodyMassKg: null };
  }

  return { sulFactor: (suvBwFactor * lbm.kg) / weightKg, leanBodyMassKg: lbm.kg };
}

/**
 * The factors that turn one PET series' rescaled values into SUVbw and SUL, or the
 * one-line reason they cannot be trusted. `instances` are the series' instances in
 * any order; series-level tags must agree across them.
 */
export function computeSuvFactors(instances: PetSuvMetadata[]): SuvFactorResult {
  const warnings: string[] = [];
  try {
    const meta = checkOneSeries(instances);
    const { factors, method, perInstance } = bodyWeightFactors(instances, warnings);
    const [suvBwFactor = Number.NaN] = factors;
    const sul = sulFactor(meta, suvBwFactor, warnings);
    const byInstance = perInstance ? { instanceSuvBwFactors: factors } : {};

    return { available: true, suvBwFactor, ...sul, method, warnings, ...byInstance };
  } catch (err) {
    if (err instanceof SuvUnavailable) return { available: false, reason: err.message };
    throw err;
  }
}
