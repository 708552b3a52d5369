/**
 * The body-weight SUV factor for activity-concentration images (Units BQML):
 *   SUVbw = C [Bq/mL] x W [g] / D(t) [Bq]
 * taking 1 mL of tissue as 1 g, with D(t) the injected activity decayed to the time
 * the image values refer to.
 */
import { halfLifeSeconds, injectedDoseBq, patientWeightKg } from './checks';
import { SuvUnavailable, type PetSuvMetadata } from './metadata';
import {
  acquisitionSeconds,
  elapsedSeconds,
  injectionInstant,
  scanStartInstant,
  type Instant,
} from './times';

export interface BodyWeightFactors {
  /** One value, or one per instance when the images are not decay corrected. */
  factors: number[];
  method: string;
  /** True when factors holds one value per instance, in input order. */
  perInstance?: true;
}

const decayed = (doseBq: number, elapsedS: number, halfLifeS: number) =>
  doseBq * 2 ** (-elapsedS / halfLifeS);

/**
 * Mean activity over a frame relative to its start, (1 - e^(-λΔ)) / (λΔ): uncorrected
 * images record the average over the frame, not the activity at its start.
 */
function frameAverage(durationMs: number | undefined, halfLifeS: number): number {
  const lambdaDuration = (Math.LN2 / halfLifeS) * ((durationMs ?? 0) / 1000);

  return lambdaDuration > 0 ? (1 - Math.exp(-lambdaDuration)) / lambdaDuration : 1;
}

interface Decay {
  weightG: number;
  doseBq: number;
  halfLifeS: number;
  injection: Instant;
}

function startFactors(decay: Decay, elapsedS: number, scan: Instant): BodyWeightFactors {
  const { weightG, doseBq, halfLifeS, injection } = decay;
  const seconds = elapsedS.toFixed(0);

  return {
    factors: [weightG / decayed(doseBq, elapsedS, halfLifeS)],
    method: `BQML, decay START: dose decayed ${seconds} s from ${injection.tag} to ${scan.tag}`,
  };
}

/** Uncorrected images: each frame holds the activity of its own time. */
function perFrameFactors(decay: Decay, instances: PetSuvMetadata[]): BodyWeightFactors {
  const { weightG, doseBq, halfLifeS, injection } = decay;
  const factors = instances.map((instance) => {
    const seconds = acquisitionSeconds(instance);
    if (seconds === null) {
      throw new SuvUnavailable('AcquisitionTime is missing; DecayCorrection NONE needs it.');
    }
    const frameS = elapsedSeconds(injection, { seconds, tag: 'AcquisitionTime' });
    const average = frameAverage(instance.ActualFrameDuration, halfLifeS);

    return weightG / (decayed(doseBq, frameS, halfLifeS) * average);
  });
  const method = `BQML, decay NONE: dose decayed from ${injection.tag} to each frame`;

  return { factors, method, perInstance: true };
}

export function bqmlFactors(instances: PetSuvMetadata[], warnings: string[]): BodyWeightFactors {
  const [meta] = instances;
  if (!meta) throw new SuvUnavailable('No PET instances to compute SUV from.');

  const decay: Decay = {
    weightG: patientWeightKg(meta) * 1000,
    doseBq: injectedDoseBq(meta, warnings),
    halfLifeS: halfLifeSeconds(meta),
    injection: injectionInstant(meta),
  };
  const scan = scanStartInstant(instances, warnings);
  const elapsedS = elapsedSeconds(decay.injection, scan);
  const mode = meta.DecayCorrection;
  if (mode === 'START') return startFactors(decay, elapsedS, scan);
  if (mode === 'ADMIN') {
    return { factors: [decay.weightG / decay.doseBq], method: 'BQML, decay ADMIN: undecayed dose' };
  }
  if (mode === 'NONE') return perFrameFactors(decay, instances);

  throw new SuvUnavailable(
    mode === undefined
      ? 'DecayCorrection is missing.'
      : `DecayCorrection "${mode}" is not START, ADMIN or NONE.`,
  );
}
