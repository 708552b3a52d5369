/**
 * FMISO hypoxia signals. The ratio's denominator should be blood (aorta or a large vein);
 * the phantom has no vessels, so `fmisoBackgroundReference` offers a stated substitute:
 * the median FMISO SUV over soft-tissue voxels (CT -50 to 100 HU) outside the lesions.
 * A median resists hot organs; it tracks muscle and blood only where those dominate.
 */
import type { ImageVolume } from '@/server/imaging/image';
import { countWhere, maxOf, percentileOf, valuesUnder } from './roi-values';
import { maskOnGrid } from './resample-mask';
import { HYPOXIC_TBR } from './thresholds';
import type { Measured } from './types';

export interface HypoxiaReference {
  suvMean: number;
  /** Where the number came from, shown next to every TBR made with it. */
  method: string;
}

const SOFT_TISSUE_HU: [number, number] = [-50, 100];

/** Median FMISO SUVbw over soft-tissue voxels outside every lesion mask. */
export function fmisoBackgroundReference(
  fmiso: ImageVolume,
  suvBwFactor: number,
  ct: ImageVolume,
  lesionMasks: ImageVolume[],
): HypoxiaReference {
  const tissue = maskOnGrid(softTissue(ct), fmiso);
  for (const lesion of lesionMasks) {
    const onPet = maskOnGrid(lesion, fmiso);
    onPet.data.forEach((v, n) => {
      if (v) tissue.data[n] = 0;
    });
  }
  const values = valuesUnder(fmiso, tissue, suvBwFactor);
  if (values.length === 0) {
    throw new Error('No soft-tissue voxel overlaps the FMISO PET; give the reference by hand.');
  }

  return {
    suvMean: percentileOf(values, 50),
    method: `median FMISO SUV of ${values.length} soft-tissue voxels (CT ${SOFT_TISSUE_HU} HU)`,
  };
}

function softTissue(ct: ImageVolume): ImageVolume {
  const [low, high] = SOFT_TISSUE_HU;
  const data = new Uint8Array(ct.data.length);
  for (let v = 0; v < data.length; v++) {
    const hu = ct.data[v] as number;
    data[v] = hu >= low && hu <= high ? 1 : 0;
  }

  return { ...ct, pixelType: 'uint8', data };
}

export function hypoxiaSignals(
  fmiso: ImageVolume,
  maskOnFmiso: ImageVolume,
  suvBwFactor: number,
  reference: HypoxiaReference,
) {
  const suv = valuesUnder(fmiso, maskOnFmiso, suvBwFactor);
  const n = suv.length;
  if (n === 0) return null;

  const cut = HYPOXIC_TBR * reference.suvMean;
  const settings = { referenceSuv: reference.suvMean, reference: reference.method };

  return {
    tbrMax: {
      value: maxOf(suv) / reference.suvMean,
      voxelCount: n,
      method: 'FMISO SUVmax / reference SUV',
      settings,
    },
    hypoxicFraction: {
      value: countWhere(suv, (x) => x > cut) / n,
      voxelCount: n,
      method: `share of mask voxels with TBR > ${HYPOXIC_TBR}`,
      settings: { ...settings, thresholdTbr: HYPOXIC_TBR },
    },
  } satisfies Record<string, Measured>;
}
