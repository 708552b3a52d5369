/**
 * FDG (and FLT) uptake signals of one lesion. The mask must already be on the PET grid;
 * MTVs are thresholded inside the lesion mask only, so neighbouring hot organs never leak in.
 */
import { computeFeatures } from '@/server/features';
import type { ImageVolume } from '@/server/imaging/image';
import { createImage, voxelVolumeMl } from '@/server/imaging/image';
import { countWhere, maxOf, meanOf, valuesUnder } from './roi-values';
import { MTV_ABSOLUTE_SUV, MTV_FRACTION_OF_MAX } from './thresholds';
import type { Measured } from './types';

export interface UptakeSignals {
  suvMax: Measured;
  suvMean: Measured;
  suvPeak: Measured;
  sulPeak: Measured | null;
  mtv41: Measured;
  mtv25: Measured;
  tlg: Measured;
}

/** The whole image in SUV, since the peak sphere reaches outside the mask. */
export function scaledImage(image: ImageVolume, factor: number): ImageVolume {
  // A plain loop: TypedArray.from with a mapping function is several times slower here.
  const data = new Float64Array(image.data.length);
  for (let v = 0; v < data.length; v++) data[v] = (image.data[v] as number) * factor;

  return createImage(image, 'float64', data);
}

/** IBSI global intensity peak: the best 1 cm³ sphere mean centred on a lesion voxel. */
export function suvPeakOf(suv: ImageVolume, mask: ImageVolume): number {
  const { features } = computeFeatures(suv, mask, { families: ['local-intensity'] });
  const peak = features.find((f) => f.name === 'loc.peak.global');
  if (!peak) throw new Error('The feature engine returned no loc.peak.global value.');

  return peak.value;
}

function metabolicVolume(suv: Float64Array, thresholdSuv: number, voxelMl: number) {
  const count = countWhere(suv, (x) => x >= thresholdSuv);

  return { count, ml: count * voxelMl };
}

/** Null when the mask holds no voxel of this grid. */
export function uptakeSignals(
  pet: ImageVolume,
  maskOnPet: ImageVolume,
  suvBwFactor: number,
  sulFactor: number | null,
): UptakeSignals | null {
  const suv = valuesUnder(pet, maskOnPet, suvBwFactor);
  const n = suv.length;
  if (n === 0) return null;

  const voxelMl = voxelVolumeMl(pet);
  const max = maxOf(suv);
  // A sphere mean scales with the image, so the peak is found on the stored values and
  // scaled after: that spares a whole-image SUV copy per lesion.
  const peak = suvBwFactor * suvPeakOf(pet, maskOnPet);
  const cut41 = MTV_FRACTION_OF_MAX * max;
  const mtv41 = metabolicVolume(suv, cut41, voxelMl);
  const mtv25 = metabolicVolume(suv, MTV_ABSOLUTE_SUV, voxelMl);
  const inside41 = suv.filter((x) => x >= cut41);
  const peakMethod = 'IBSI loc.peak.global (1 cm³ sphere) on the SUVbw image';

  return {
    suvMax: { value: max, voxelCount: n, method: 'max SUVbw in mask' },
    suvMean: { value: meanOf(suv), voxelCount: n, method: 'mean SUVbw in mask' },
    suvPeak: { value: peak, voxelCount: n, method: peakMethod },
    sulPeak:
      sulFactor === null
        ? null
        : { value: (peak * sulFactor) / suvBwFactor, voxelCount: n, method: `${peakMethod}, SUL` },
    mtv41: { value: mtv41.ml, voxelCount: mtv41.count, method: `SUV >= ${cut41} in mask` },
    mtv25: {
      value: mtv25.ml,
      voxelCount: mtv25.count,
      method: `SUV >= ${MTV_ABSOLUTE_SUV} in mask`,
    },
    tlg: { value: mtv41.ml * meanOf(inside41), voxelCount: mtv41.count, method: 'MTV41 x mean' },
  };
}
