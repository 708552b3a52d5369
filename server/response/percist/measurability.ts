import { atLeast, sul } from '../numbers';
import type { PercistTimepoint } from '../schema/input';

/**
 * PERCIST 1.0 measurability (Wahl et al., J Nucl Med 2009;50:122S-150S): the hottest
 * baseline lesion must reach 1.5 x the liver SUL mean + 2 standard deviations. Each scan
 * is represented by its hottest lesion, which need not be the same lesion every time.
 */

export interface Hottest {
  id: string;
  sulPeak: number;
}

export function hottestLesion(point: Pick<PercistTimepoint, 'lesions'>): Hottest | undefined {
  let best: Hottest | undefined;
  for (const lesion of point.lesions) {
    if (!best || lesion.sulPeak > best.sulPeak) best = lesion;
  }

  return best;
}

export function measurableThreshold(liver: PercistTimepoint['liver']): number {
  return 1.5 * liver.sulMean + 2 * liver.sulSd;
}

export interface BaselineMeasurability {
  measurable: boolean;
  hottest?: Hottest;
  sentence: string;
}

export function checkBaselineMeasurable(baseline: PercistTimepoint): BaselineMeasurability {
  const hottest = hottestLesion(baseline);
  const threshold = measurableThreshold(baseline.liver);
  const rule =
    `1.5 x liver SUL mean ${sul(baseline.liver.sulMean)} + 2 x SD ${sul(baseline.liver.sulSd)} ` +
    `= ${sul(threshold)}`;
  if (!hottest) return { measurable: false, sentence: 'baseline has no lesion to measure' };

  const measurable = atLeast(hottest.sulPeak, threshold);
  const verdict = measurable ? 'measurable' : 'not measurable';
  const sign = measurable ? '>=' : '<';

  return {
    measurable,
    hottest,
    sentence:
      `baseline: hottest lesion ${hottest.id} SULpeak ${sul(hottest.sulPeak)} ${sign} ` +
      `${rule}: ${verdict}`,
  };
}
