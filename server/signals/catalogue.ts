/**
 * The declared list of Hallmark's imaging signals: the one place that says what each
 * signal is, where it is measured, which way response goes and what change counts.
 */
import type { SignalDefinition, SourceSeries } from './catalogue-types';
import { REPEATABILITY as R } from './repeatability';

const CT: SourceSeries = { type: 'CT' };
const FDG: SourceSeries = { type: 'PT', tracer: 'FDG' };
const ADC: SourceSeries = { type: 'MR_ADC' };
const KTRANS: SourceSeries = { type: 'MR_DCE_KTRANS' };
const FMISO: SourceSeries = { type: 'PT', tracer: 'FMISO' };

const down = 'decrease' as const;
const up = 'increase' as const;

function texture(modality: 'ct' | 'fdg', source: SourceSeries): SignalDefinition[] {
  const preset = modality === 'ct' ? 'CT texture preset' : 'PET texture preset';
  const entry = (id: string, name: string, definition: string): SignalDefinition => ({
    id: `${modality}-${id}`,
    name: `${name} (${modality.toUpperCase()})`,
    hallmark: 'heterogeneity',
    unit: '',
    source,
    responseDirection: down,
    repeatability: R.texture,
    definition: `${definition} IBSI engine, ${preset} (see texture.ts).`,
  });

  return [
    entry('histogram-entropy', 'Histogram entropy', 'Intensity histogram entropy (TLU2).'),
    entry('glcm-joint-entropy', 'GLCM joint entropy', 'GLCM joint entropy, 3D merged (TU9B).'),
    entry('glszm-zsnu', 'GLSZM zone-size non-uniformity', 'GLSZM zone size non-uniformity (4JP3).'),
  ];
}

export const SIGNAL_CATALOGUE: readonly SignalDefinition[] = [
  {
    id: 'volume',
    name: 'Lesion volume',
    hallmark: 'proliferation',
    unit: 'ml',
    source: CT,
    responseDirection: down,
    repeatability: R.ctVolume,
    definition: 'Mask voxel count times voxel volume on the grid the mask was drawn on.',
  },
  {
    id: 'specific-growth-rate',
    name: 'Specific growth rate',
    hallmark: 'proliferation',
    unit: '1/day',
    source: { type: 'timeline', from: 'CT' },
    responseDirection: down,
    repeatability: R.growthRate,
    definition: 'ln(V2/V1) / (t2 - t1) between consecutive timepoints.',
  },
  {
    id: 'doubling-time',
    name: 'Volume doubling time',
    hallmark: 'proliferation',
    unit: 'day',
    source: { type: 'timeline', from: 'CT' },
    responseDirection: up,
    repeatability: R.doublingTime,
    definition: 'ln 2 / SGR; negative when shrinking (its size is the halving time).',
  },
  {
    id: 'flt-suvmax',
    name: 'FLT SUVmax',
    hallmark: 'proliferation',
    unit: 'g/ml',
    source: { type: 'PT', tracer: 'FLT' },
    responseDirection: down,
    repeatability: R.fltSuvMax,
    definition: 'Highest SUVbw of FLT PET voxels in the lesion mask.',
  },
  ...pet(),
  ...perfusion(),
  ...diffusion(),
  ...hypoxia(),
  ...shape(),
  ...texture('ct', CT),
  ...texture('fdg', FDG),
  ...reference(),
];

function pet(): SignalDefinition[] {
  const entry = (
    id: string,
    name: string,
    unit: string,
    repeatability: SignalDefinition['repeatability'],
    definition: string,
  ): SignalDefinition => ({
    id,
    name,
    hallmark: 'energetics',
    unit,
    source: FDG,
    responseDirection: down,
    repeatability,
    definition,
  });

  return [
    entry('fdg-suvmax', 'FDG SUVmax', 'g/ml', R.fdgSuvMax, 'Highest SUVbw in the lesion mask.'),
    entry('fdg-suvmean', 'FDG SUVmean', 'g/ml', R.fdgSuvMean, 'Mean SUVbw in the lesion mask.'),
    entry(
      'fdg-suvpeak',
      'FDG SUVpeak',
      'g/ml',
      R.fdgSuvMax,
      'Highest mean SUVbw in a 1 cm³ sphere centred on any lesion voxel (IBSI 0F91).',
    ),
    entry(
      'fdg-sulpeak',
      'FDG SULpeak',
      'g/ml',
      R.sulPeak,
      'SUVpeak in SUL (lean body mass, Janmahasatian) units, as PERCIST uses it.',
    ),
    entry(
      'fdg-mtv41',
      'MTV (41% SUVmax)',
      'ml',
      R.metabolicVolume,
      'Volume of lesion-mask voxels at or above 41% of SUVmax (EANM 2015).',
    ),
    entry(
      'fdg-mtv25',
      'MTV (SUV 2.5)',
      'ml',
      R.metabolicVolume,
      'Volume of lesion-mask voxels at or above SUV 2.5.',
    ),
    entry(
      'fdg-tlg',
      'Total lesion glycolysis',
      'g',
      R.metabolicVolume,
      'MTV (41%) times the SUVmean inside that MTV.',
    ),
  ];
}

function perfusion(): SignalDefinition[] {
  const base = { hallmark: 'vasculature', source: KTRANS, responseDirection: down } as const;

  return [
    {
      ...base,
      id: 'ktrans-mean',
      name: 'Ktrans mean',
      unit: '1/min',
      repeatability: R.ktransMean,
      definition: 'Mean Ktrans in the lesion mask.',
    },
    {
      ...base,
      id: 'ktrans-p90',
      name: 'Ktrans 90th percentile',
      unit: '1/min',
      repeatability: R.ktransPercentile,
      definition: '90th percentile of lesion Ktrans (linear interpolation between ranks).',
    },
    {
      id: 'ct-enhancement',
      name: 'CT enhancement',
      hallmark: 'vasculature',
      unit: 'HU',
      source: { type: 'contrast-pair', from: 'CT' },
      responseDirection: down,
      repeatability: R.ctEnhancement,
      definition:
        'Mean HU inside the lesion (mask eroded by one voxel) on the contrast-enhanced CT ' +
        'minus on the unenhanced CT of the same timepoint and Frame of Reference; no value ' +
        'unless both phases are known. A fall is response for anti-angiogenic therapy.',
    },
    {
      ...base,
      id: 'enhancing-fraction',
      name: 'Enhancing fraction',
      unit: 'fraction',
      repeatability: R.fraction,
      definition: 'Share of lesion voxels with Ktrans above 0.1 /min (working assumption).',
    },
  ];
}

function diffusion(): SignalDefinition[] {
  const base = { hallmark: 'cellularity/cell death', source: ADC } as const;

  return [
    {
      ...base,
      id: 'adc-mean',
      name: 'ADC mean',
      unit: '10^-6 mm²/s',
      responseDirection: up,
      repeatability: R.adcMean,
      definition: 'Mean ADC in the lesion mask; cell death frees water and raises it.',
    },
    {
      ...base,
      id: 'low-adc-fraction',
      name: 'Low-ADC volume fraction',
      unit: 'fraction',
      responseDirection: down,
      repeatability: R.fraction,
      definition: 'Share of lesion voxels with ADC below 800 × 10⁻⁶ mm²/s (PI-RADS v2 range).',
    },
  ];
}

function hypoxia(): SignalDefinition[] {
  const base = { hallmark: 'hypoxia', source: FMISO, responseDirection: down } as const;

  return [
    {
      ...base,
      id: 'fmiso-tbrmax',
      name: 'FMISO TBRmax',
      unit: 'ratio',
      repeatability: R.fmisoTbr,
      definition: 'Lesion FMISO SUVmax over the reference SUV mean (see hypoxia.ts).',
    },
    {
      ...base,
      id: 'hypoxic-fraction',
      name: 'Hypoxic fraction',
      unit: 'fraction',
      repeatability: R.fraction,
      definition: 'Share of lesion voxels with FMISO TBR above 1.4 (Rasey 1996).',
    },
  ];
}

function shape(): SignalDefinition[] {
  const base = { hallmark: 'invasion', source: CT, repeatability: R.shape } as const;

  return [
    {
      ...base,
      id: 'sphericity',
      name: 'Sphericity',
      unit: '',
      responseDirection: up,
      definition: '(36 π V²)^(1/3) / A on the marching-cubes mesh of the mask (IBSI QCFX).',
    },
    {
      ...base,
      id: 'surface-irregularity',
      name: 'Surface irregularity',
      unit: '',
      responseDirection: down,
      definition: 'Mesh area over the area of a sphere of the same volume: 1 / sphericity.',
    },
    {
      ...base,
      id: 'new-lesion-count',
      name: 'New lesions',
      unit: 'count',
      source: { type: 'lesion-list' },
      responseDirection: down,
      repeatability: R.newLesions,
      definition: 'Lesions present at a timepoint and absent at every earlier one.',
    },
  ];
}

function reference(): SignalDefinition[] {
  const base = { hallmark: 'PET reference', source: FDG, responseDirection: 'none' } as const;

  return [
    {
      ...base,
      id: 'liver-sul-mean',
      name: 'Liver SUL mean',
      unit: 'g/ml',
      repeatability: R.liverSulMean,
      definition: 'SUL mean in a 3 cm sphere in the right liver lobe (PERCIST).',
    },
    {
      ...base,
      id: 'liver-sul-sd',
      name: 'Liver SUL SD',
      unit: 'g/ml',
      repeatability: R.liverSulSd,
      definition: 'SUL standard deviation in the same sphere.',
    },
  ];
}

export type SignalId = (typeof SIGNAL_CATALOGUE)[number]['id'];

export function signalDefinition(id: string): SignalDefinition {
  const found = SIGNAL_CATALOGUE.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown signal "${id}"; see SIGNAL_CATALOGUE.`);

  return found;
}
