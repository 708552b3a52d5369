/**
 * All single-timepoint signals of one lesion from whichever images the timepoint has.
 * The mask is moved onto each image's grid by nearest neighbour through patient
 * coordinates; that assumes one Frame of Reference per timepoint (see resample-mask.ts).
 */
import type { ImageVolume } from '@/server/imaging/image';
import type { ContrastPair } from './enhancement';
import { enhancementSignal } from './enhancement';
import type { HypoxiaReference } from './hypoxia';
import { hypoxiaSignals } from './hypoxia';
import { diffusionSignals, perfusionSignals } from './mr-signals';
import { uptakeSignals, scaledImage } from './pet-signals';
import { maskOnGrid, sameGrid } from './resample-mask';
import { shapeSignals, volumeOf } from './shape';
import { textureSignals } from './texture';
import type { Measured, PetSeries, SeriesImage, SignalValue, SkippedSignal } from './types';
import { signalValue } from './types';

export interface LesionSignalInput {
  /** uint8 lesion mask on the grid it was drawn on (usually the CT's). */
  mask: ImageVolume;
  /** Series the mask was drawn on, used as the source of volume and shape. */
  maskSeries: string;
  /** HU. */
  ct?: SeriesImage;
  fdg?: PetSeries;
  flt?: PetSeries;
  fmiso?: PetSeries & { reference: HypoxiaReference };
  /** 10⁻⁶ mm²/s. */
  adc?: SeriesImage;
  /** 1/min. */
  ktrans?: SeriesImage;
  /** Both contrast phases of the timepoint's CT, HU; CT enhancement needs them. */
  contrast?: ContrastPair;
}

export interface LesionSignals {
  values: SignalValue[];
  skipped: SkippedSignal[];
}

type Entries = Array<[string, Measured | null | undefined]>;

class Collector {
  readonly values: SignalValue[] = [];
  readonly skipped: SkippedSignal[] = [];

  add(series: string, entries: Entries, whyMissing: string) {
    for (const [id, m] of entries) {
      if (m) this.values.push(signalValue(id, series, m));
      else this.skipped.push({ signalId: id, reason: whyMissing });
    }
  }

  /** Runs an engine-backed computation; a failure skips its signals with the reason. */
  attempt(series: string, ids: string[], run: () => Entries) {
    try {
      this.add(series, run(), '');
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      for (const id of ids) this.skipped.push({ signalId: id, reason });
    }
  }
}

const NO_VOXELS = 'the lesion mask has no voxel on this image grid';

function maskFor(mask: ImageVolume, image: ImageVolume) {
  return sameGrid(mask, image) ? mask : maskOnGrid(mask, image);
}

function morphology(input: LesionSignalInput, out: Collector) {
  const volume = volumeOf(input.mask);
  out.add(input.maskSeries, [['volume', volume]], NO_VOXELS);
  if (volume.voxelCount === 0) return;
  out.attempt(input.maskSeries, ['sphericity', 'surface-irregularity'], () => {
    const s = shapeSignals(input.mask);

    return [
      ['sphericity', s.sphericity],
      ['surface-irregularity', s.surfaceIrregularity],
    ];
  });
}

const TEXTURE_IDS = ['histogram-entropy', 'glcm-joint-entropy', 'glszm-zsnu'];

function texture(
  series: string,
  image: ImageVolume,
  mask: ImageVolume,
  kind: 'ct' | 'fdg',
  out: Collector,
) {
  const ids = TEXTURE_IDS.map((id) => `${kind}-${id}`);
  out.attempt(series, ids, () => {
    const t = textureSignals(image, mask, kind === 'ct' ? 'ct' : 'pet');

    return [
      [ids[0]!, t.histogramEntropy],
      [ids[1]!, t.glcmJointEntropy],
      [ids[2]!, t.glszmZsnu],
    ];
  });
}

function fdg(pet: PetSeries, lesion: ImageVolume, out: Collector) {
  const mask = maskFor(lesion, pet.image);
  const u = uptakeSignals(pet.image, mask, pet.suvBwFactor, pet.sulFactor);
  const why = u ? 'no SUL factor (lean body mass needs height and sex)' : NO_VOXELS;
  out.add(
    pet.seriesUid,
    [
      ['fdg-suvmax', u?.suvMax],
      ['fdg-suvmean', u?.suvMean],
      ['fdg-suvpeak', u?.suvPeak],
      ['fdg-mtv41', u?.mtv41],
      ['fdg-mtv25', u?.mtv25],
      ['fdg-tlg', u?.tlg],
    ],
    NO_VOXELS,
  );
  out.add(pet.seriesUid, [['fdg-sulpeak', u?.sulPeak]], why);
  if (u) texture(pet.seriesUid, scaledImage(pet.image, pet.suvBwFactor), mask, 'fdg', out);
}

function otherSeries(input: LesionSignalInput, out: Collector) {
  const { flt, fmiso, adc, ktrans, mask } = input;
  if (flt) {
    const u = uptakeSignals(flt.image, maskFor(mask, flt.image), flt.suvBwFactor, null);
    out.add(flt.seriesUid, [['flt-suvmax', u?.suvMax]], NO_VOXELS);
  }
  if (fmiso) {
    const h = hypoxiaSignals(
      fmiso.image,
      maskFor(mask, fmiso.image),
      fmiso.suvBwFactor,
      fmiso.reference,
    );
    out.add(
      fmiso.seriesUid,
      [
        ['fmiso-tbrmax', h?.tbrMax],
        ['hypoxic-fraction', h?.hypoxicFraction],
      ],
      NO_VOXELS,
    );
  }
  if (adc) {
    const d = diffusionSignals(adc.image, maskFor(mask, adc.image));
    out.add(
      adc.seriesUid,
      [
        ['adc-mean', d?.adcMean],
        ['low-adc-fraction', d?.lowAdcFraction],
      ],
      NO_VOXELS,
    );
  }
  if (ktrans) {
    const p = perfusionSignals(ktrans.image, maskFor(mask, ktrans.image));
    out.add(
      ktrans.seriesUid,
      [
        ['ktrans-mean', p?.ktransMean],
        ['ktrans-p90', p?.ktransP90],
        ['enhancing-fraction', p?.enhancingFraction],
      ],
      NO_VOXELS,
    );
  }
}

function enhancement(pair: ContrastPair, lesion: ImageVolume, out: Collector) {
  const result = enhancementSignal(pair, lesion);
  const measured = 'measured' in result ? result.measured : null;
  const why = 'skipped' in result ? result.skipped : NO_VOXELS;
  out.add(pair.enhanced.seriesUid, [['ct-enhancement', measured]], why);
}

export function computeLesionSignals(input: LesionSignalInput): LesionSignals {
  const out = new Collector();
  morphology(input, out);
  if (input.ct) {
    const mask = maskFor(input.mask, input.ct.image);
    texture(input.ct.seriesUid, input.ct.image, mask, 'ct', out);
  }
  if (input.fdg) fdg(input.fdg, input.mask, out);
  otherSeries(input, out);
  if (input.contrast) enhancement(input.contrast, input.mask, out);

  return { values: out.values, skipped: out.skipped };
}
