/**
 * What kind of series an instance belongs to, with the reason in words so that a user
 * who disagrees can see what the decision rested on. Header conventions for derived MR
 * maps differ by vendor, so MR rules look at image type, units and description alike.
 */
import type { DicomInstance } from './instance';
import { PARAMETRIC_MAP_UID, SEG_UID } from './sop-class';
import { tracerFromCode, tracerFromName, type Tracer } from './tracer';

export type SeriesType =
  'CT' | 'PT' | 'MR' | 'MR_ADC' | 'MR_DCE_KTRANS' | 'MR_DCE' | 'SEG' | 'OTHER';

export interface SeriesClassification {
  seriesType: SeriesType;
  tracer?: Tracer;
  reason: string;
}

function unitsOf(instance: DicomInstance): string[] {
  return (instance.mr?.realWorldValueMappings ?? []).flatMap((m) => [
    m.units?.codeValue ?? '',
    m.units?.codeMeaning ?? '',
    m.label ?? '',
    m.explanation ?? '',
  ]);
}

/** Words that describe the series: description, image type values, map labels and units. */
function mrWords(instance: DicomInstance): string {
  return [instance.series.description, ...instance.imageType, ...unitsOf(instance)]
    .filter(Boolean)
    .join(' | ');
}

// Letters-only boundaries: vendors join words with '_' ("ep2d_diff_ADC"), which \b misses.
const ADC = /(?<![a-z])ADC(?![a-z])|apparent diffusion|(mm2|um2|mm\^2)\/s/i;
const KTRANS = /k-?trans/i;
const DCE = /(?<![a-z])(DCE|TWIST|DISCO|TRICKS)(?![a-z])|dynamic|perfusion/i;

function classifyMr(instance: DicomInstance): SeriesClassification {
  const words = mrWords(instance);
  const found = (pattern: RegExp) => pattern.exec(words)?.[0];
  const ktrans = found(KTRANS);
  if (ktrans) return { seriesType: 'MR_DCE_KTRANS', reason: `MR map labelled '${ktrans}'.` };
  const adc = found(ADC);
  if (adc) return { seriesType: 'MR_ADC', reason: `MR diffusion map labelled '${adc}'.` };
  const dce = found(DCE);
  if (dce) return { seriesType: 'MR_DCE', reason: `MR series described as '${dce}'.` };
  const timePoints = instance.mr?.numberOfTemporalPositions ?? 0;
  if (timePoints > 1 && instance.mr?.contrastBolusAgent) {
    return { seriesType: 'MR_DCE', reason: `${timePoints} temporal positions with contrast.` };
  }

  return { seriesType: 'MR', reason: 'MR series with no diffusion or perfusion map markers.' };
}

function classifyPet(instance: DicomInstance): SeriesClassification {
  const pet = instance.pet;
  const byCode = tracerFromCode(pet?.RadiopharmaceuticalCode);
  if (byCode) {
    const code = pet!.RadiopharmaceuticalCode!;
    const scheme = code.codingSchemeDesignator ? `${code.codingSchemeDesignator} ` : '';

    return {
      seriesType: 'PT',
      tracer: byCode,
      reason: `PET, tracer code ${scheme}${code.codeValue}.`,
    };
  }
  const names = [
    pet?.Radiopharmaceutical,
    pet?.RadiopharmaceuticalCode?.codeMeaning,
    instance.series.description,
  ];
  const byName = tracerFromName(...names);
  if (byName) {
    return {
      seriesType: 'PT',
      tracer: byName,
      reason: `PET, tracer named '${names.find(Boolean)}'.`,
    };
  }

  return {
    seriesType: 'PT',
    tracer: 'OTHER',
    reason: 'PET with no recognised radiopharmaceutical.',
  };
}

export function classifySeries(instance: DicomInstance): SeriesClassification {
  if (instance.sopClassUid === SEG_UID || instance.modality === 'SEG') {
    return { seriesType: 'SEG', reason: 'DICOM Segmentation object.' };
  }
  switch (instance.modality) {
    case 'CT':
      return { seriesType: 'CT', reason: 'Modality CT.' };
    case 'PT':
      return classifyPet(instance);
    case 'MR':
      return classifyMr(instance);
  }
  // Parametric maps often carry modality OT; only a recognised MR map label makes them MR.
  if (instance.sopClassUid === PARAMETRIC_MAP_UID) {
    const map = classifyMr(instance);
    if (map.seriesType !== 'MR') return map;
  }

  return {
    seriesType: 'OTHER',
    reason: `Modality ${instance.modality ?? 'missing'} is not tracked.`,
  };
}
