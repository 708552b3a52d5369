import type { PercistOverall } from '../categories';
import { atLeast, exceeds, percentChange, pct, sul } from '../numbers';
import type { PercistTimepoint } from '../schema/input';
import { hottestLesion, type Hottest } from './measurability';
import type { NonTargetReading } from './non-targets';

/**
 * PERCIST 1.0 category of one follow-up against the baseline's hottest lesion:
 * PMD when an unequivocal new lesion appears or a non-target progresses unequivocally;
 * CMR when every lesion's uptake is at or below the liver SUL mean, every non-target is
 * gone and nothing new has appeared; PMD when SULpeak rises by more than 30% and more
 * than 0.8 SUL; PMR when it falls by at least 30% and at least 0.8 SUL; SMD otherwise.
 * The 0.8 SUL floor keeps small absolute changes in low-uptake disease from passing as
 * response. Blood-pool background is not part of the input; the liver mean
 * stands in for "background" in the CMR test.
 */

export const PERCENT_THRESHOLD = 30;
export const SUL_THRESHOLD = 0.8;

export interface MetabolicVerdict {
  overall: PercistOverall;
  hottest?: Hottest;
  changePct?: number;
  changeSul?: number;
  trace: string[];
}

function isComplete(point: PercistTimepoint): boolean {
  const background = point.liver.sulMean;

  return point.newLesions.length === 0 && point.lesions.every((l) => l.sulPeak <= background);
}

function completeSentence(
  point: PercistTimepoint,
  hottest: Hottest | undefined,
  nonTargets: NonTargetReading,
): string {
  const peak = hottest ? ` (hottest ${hottest.id} ${sul(hottest.sulPeak)})` : '';
  const gone = nonTargets.category ? ', every non-target lesion is back to background' : '';

  return (
    `CMR: every lesion's SULpeak is at or below the liver SUL mean ${sul(point.liver.sulMean)}` +
    `${peak}${gone}, and there are no new lesions`
  );
}

function progressionReasons(point: PercistTimepoint, nonTargets: NonTargetReading): string[] {
  const unequivocal = point.newLesions.filter((l) => l.unequivocal).map((l) => l.id);

  return [
    ...(unequivocal.length ? [`unequivocal new lesion(s) ${unequivocal.join(', ')}`] : []),
    ...(nonTargets.progressed.length
      ? [`unequivocal progression of FDG-avid non-target(s) ${nonTargets.progressed.join(', ')}`]
      : []),
  ];
}

function graded(hottest: Hottest, baseline: Hottest): MetabolicVerdict {
  const changePct = percentChange(hottest.sulPeak, baseline.sulPeak) ?? 0;
  const changeSul = hottest.sulPeak - baseline.sulPeak;
  const numbers =
    `hottest lesion ${hottest.id} SULpeak ${sul(hottest.sulPeak)} is ${pct(changePct)} and ` +
    `${sul(changeSul, true)} SUL vs baseline ${sul(baseline.sulPeak)} (lesion ${baseline.id})`;
  const verdict = { hottest, changePct, changeSul };

  if (exceeds(changePct, PERCENT_THRESHOLD) && exceeds(changeSul, SUL_THRESHOLD)) {
    return { ...verdict, overall: 'PMD', trace: [`PMD: ${numbers}`] };
  }
  if (atLeast(-changePct, PERCENT_THRESHOLD) && atLeast(-changeSul, SUL_THRESHOLD)) {
    return { ...verdict, overall: 'PMR', trace: [`PMR: ${numbers}`] };
  }

  const floor =
    Math.abs(changePct) >= PERCENT_THRESHOLD
      ? '; the percentage is met but the change is under the 0.8 SUL floor'
      : '';

  return { ...verdict, overall: 'SMD', trace: [`SMD: ${numbers}${floor}`] };
}

export function judgeMetabolic(
  point: PercistTimepoint,
  baseline: Hottest | undefined,
  measurable: boolean,
  nonTargets: NonTargetReading,
): MetabolicVerdict {
  const hottest = hottestLesion(point);
  const equivocal = point.newLesions.filter((l) => !l.unequivocal).map((l) => l.id);
  const newNotes = equivocal.length
    ? [`new lesion(s) ${equivocal.join(', ')} equivocal: not PMD, but CMR is withheld`]
    : [];
  const progression = progressionReasons(point, nonTargets);

  if (progression.length > 0) {
    return { overall: 'PMD', hottest, trace: [...newNotes, `PMD: ${progression.join('; ')}`] };
  }
  if (isComplete(point) && nonTargets.allowsComplete) {
    return { overall: 'CMR', hottest, trace: [completeSentence(point, hottest, nonTargets)] };
  }

  const notes = [...newNotes, ...nonTargets.notes];
  if (!measurable || !baseline) {
    const why = 'NE: the baseline is not measurable, so the change in SULpeak cannot be graded';

    return { overall: 'NE', hottest, trace: [...notes, why] };
  }
  if (!hottest) {
    return { overall: 'NE', trace: [...notes, 'NE: no lesion was measured on this scan'] };
  }

  const result = graded(hottest, baseline);

  return { ...result, trace: [...notes, ...result.trace] };
}
