import type { DicomInstance } from '@/server/imaging/dicom/instance';

/**
 * PET stored without decay correction (DecayCorrection NONE) needs one SUV factor per
 * slice, as each was acquired at its own time. Folding factor_i / factor_0 into each
 * slice's rescale makes the assembled volume take the single factor of the first
 * instance, which is what the series stores.
 */
export function foldSliceFactors(
  instances: DicomInstance[],
  factors: number[] | undefined,
): DicomInstance[] {
  const first = factors?.[0];
  if (!factors || !first || factors.length !== instances.length) return instances;

  return instances.map((instance, i) => {
    const ratio = (factors[i] ?? first) / first;
    if (ratio === 1) return instance;

    return {
      ...instance,
      rescaleSlope: (instance.rescaleSlope ?? 1) * ratio,
      rescaleIntercept: (instance.rescaleIntercept ?? 0) * ratio,
    };
  });
}
