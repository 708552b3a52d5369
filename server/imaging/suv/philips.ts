/**
 * Philips writes Units CNTS (scanner counts) and puts the conversions in its private
 * group 7053: SUVScaleFactor (7053,1000) turns rescaled values into SUVbw directly, and
 * ActivityConcentrationScaleFactor (7053,1009) turns them into Bq/mL.
 */
import { bqmlFactors, type BodyWeightFactors } from './body-weight';
import { SuvUnavailable, type PetSuvMetadata } from './metadata';

type PhilipsTag = 'SUVScaleFactor' | 'ActivityConcentrationScaleFactor';

/** The tag's value when every instance carries the same positive number, else null. */
function sharedPositive(instances: PetSuvMetadata[], tag: PhilipsTag): number | null {
  const values = instances.map((instance) => {
    const text = String(instance.PhilipsPETPrivateGroup?.[tag] ?? '').trim();

    return text === '' ? Number.NaN : Number(text);
  });
  const [first] = values;
  if (first === undefined || !(first > 0)) return null;
  if (values.some((v) => v !== first)) {
    throw new SuvUnavailable(`Instances disagree on the Philips private ${tag}.`);
  }

  return first;
}

export function cntsFactors(instances: PetSuvMetadata[], warnings: string[]): BodyWeightFactors {
  const suvScale = sharedPositive(instances, 'SUVScaleFactor');
  if (suvScale !== null) {
    return { factors: [suvScale], method: 'CNTS: Philips private SUVScaleFactor (7053,1000)' };
  }

  const activityScale = sharedPositive(instances, 'ActivityConcentrationScaleFactor');
  if (activityScale !== null) {
    const bqml = bqmlFactors(instances, warnings);

    return {
      factors: bqml.factors.map((factor) => factor * activityScale),
      method: `CNTS x Philips ActivityConcentrationScaleFactor (7053,1009), then ${bqml.method}`,
    };
  }

  throw new SuvUnavailable(
    'Units is CNTS but the Philips private SUVScaleFactor and ' +
      'ActivityConcentrationScaleFactor are missing.',
  );
}
