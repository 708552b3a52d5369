import type { RecistInput } from '../schema/input';
import type { LesionSeries } from '../trajectories';
import { readTargets } from './target-sum';

/** Each baseline target's effective size at every timepoint (too small = 5 mm). */
export function recistLesionSeries(input: RecistInput): LesionSeries[] {
  const [baseline] = input.timepoints;
  if (!baseline) return [];

  const readings = input.timepoints.map((point) => readTargets(baseline.targets, point.targets));

  return baseline.targets.map((target, index) => ({
    id: target.id,
    unit: 'mm' as const,
    values: readings.map((row) => row[index]?.valueMm),
  }));
}
