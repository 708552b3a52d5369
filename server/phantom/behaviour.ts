/**
 * How a lesion changes over the course: its size factor and the functional values
 * (FDG SUV at the centre, ADC, Ktrans, FMISO SUV) at each timepoint. A size factor of 0
 * means the lesion is absent at that timepoint (not yet appeared, or vanished).
 */
import type { Rng } from './random';
import { intBetween, uniform } from './random';

export type Behaviour =
  'responding' | 'progressing' | 'stable' | 'resistant-core' | 'new' | 'vanishing' | 'close-pair';

export interface Course {
  scales: number[];
  suvPeaks: number[];
  adc: number[];
  ktransPerMin: number[];
  fmisoSuv: number[];
}

export interface Baseline {
  suvPeak: number;
  adc: number;
  ktransPerMin: number;
  fmisoSuv: number;
}

type Trend = (k: number) => { scale: number; metabolic: number };

function trendFor(behaviour: Behaviour, rng: Rng, timepoints: number): Trend {
  switch (behaviour) {
    case 'responding': {
      const rate = uniform(rng, 0.12, 0.2);

      return (k) => ({ scale: Math.max(0.4, 1 - rate * k), metabolic: Math.max(0.3, 1 - 0.2 * k) });
    }
    case 'resistant-core': {
      const rate = uniform(rng, 0.08, 0.12);

      return (k) => ({ scale: Math.max(0.6, 1 - rate * k), metabolic: Math.max(0.3, 1 - 0.2 * k) });
    }
    case 'progressing': {
      const rate = uniform(rng, 0.07, 0.13);

      return (k) => ({ scale: 1 + rate * k, metabolic: 1 + 0.1 * k });
    }
    case 'new':
      return newLesionTrend(intBetween(rng, 2, Math.max(2, timepoints - 2)));
    case 'vanishing': {
      const gone = Math.min(3, timepoints - 1);

      return (k) =>
        k >= gone ? { scale: 0, metabolic: 0 } : { scale: 1 - 0.3 * k, metabolic: 1 - 0.3 * k };
    }
    case 'close-pair':
    case 'stable': {
      const jitter = Array.from({ length: timepoints }, (_, k) =>
        k === 0 ? 0 : uniform(rng, -0.03, 0),
      );

      return (k) => ({ scale: 1 + (jitter[k] ?? 0), metabolic: 1 + (jitter[k] ?? 0) });
    }
  }
}

/** Appears small at `first` and grows by a fifth of its final size per timepoint. */
function newLesionTrend(first: number): Trend {
  return (k) => {
    if (k < first) return { scale: 0, metabolic: 0 };
    const scale = Math.min(1, 0.55 + 0.2 * (k - first));

    return { scale, metabolic: scale };
  };
}

export function planCourse(
  behaviour: Behaviour,
  baseline: Baseline,
  rng: Rng,
  timepoints: number,
): Course {
  const trend = trendFor(behaviour, rng, timepoints);
  const course: Course = { scales: [], suvPeaks: [], adc: [], ktransPerMin: [], fmisoSuv: [] };
  for (let k = 0; k < timepoints; k++) {
    const { scale, metabolic } = trend(k);
    course.scales.push(scale);
    course.suvPeaks.push(scale === 0 ? 0 : Math.max(1.6, baseline.suvPeak * metabolic));
    // Effective treatment raises ADC (cell loss) and lowers perfusion and hypoxia.
    course.adc.push(baseline.adc * Math.min(1.7, 1 / Math.max(metabolic, 0.6) ** 0.8));
    course.ktransPerMin.push(baseline.ktransPerMin * Math.max(0.3, metabolic));
    course.fmisoSuv.push(Math.max(1.1, baseline.fmisoSuv * Math.min(1.3, metabolic)));
  }

  return course;
}

/** The size factor a lesion reaches at most; placement keeps that much room free. */
export function largestScale(course: Course): number {
  return Math.max(...course.scales);
}
