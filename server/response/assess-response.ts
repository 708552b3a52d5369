import { assessIrecist } from './irecist/assess-irecist';
import { assessPercist, percistLesionSeries } from './percist/assess-percist';
import { assessRecist } from './recist/assess-recist';
import { recistLesionSeries } from './recist/lesion-series';
import type { ParsedResponseInput, ResponseInput } from './schema/input';
import type { CriteriaResult, ResponseOutput } from './schema/output';
import { parseResponseInput } from './schema/parse';
import {
  buildTrajectories,
  classifyPercistLesion,
  classifyRecistLesion,
  type TrajectoryResult,
} from './trajectories';

/**
 * The single entry point: validates the input (a BAD_INPUT AppError names each bad
 * field), runs the chosen criteria and adds per-lesion trajectories.
 */

function withTrajectories(
  result: CriteriaResult,
  trajectories: TrajectoryResult,
): ResponseOutput {
  const timepoints = result.timepoints.map((point, i) => {
    if (i === 0) return point;

    const mixed = trajectories.mixed[i] ?? false;

    const trace = [...point.trace, ...(trajectories.notes[i] ?? [])];

    return { ...point, mixedResponse: mixed, trace };
  });

  return {
    ...result,
    timepoints,
    lesions: trajectories.lesions,
    mixedResponse: trajectories.mixed.some(Boolean),
  };
}

/** Validates, then assesses; throws a BAD_INPUT AppError naming each bad field. */
export function assessResponse(raw: ResponseInput): ResponseOutput {
  return assessParsedResponse(parseResponseInput(raw));
}

/** Assesses input that has already been through parseResponseInput (e.g. read from JSON). */
export function assessParsedResponse(input: ParsedResponseInput): ResponseOutput {
  const dates = input.timepoints.map((t) => t.date);
  if (input.criteria === 'percist1.0') {
    const series = percistLesionSeries(input);

    const trajectories = buildTrajectories(series, dates, classifyPercistLesion);

    return withTrajectories(assessPercist(input), trajectories);
  }

  const series = recistLesionSeries(input);
  const result = input.criteria === 'irecist' ? assessIrecist(input) : assessRecist(input);

  return withTrajectories(result, buildTrajectories(series, dates, classifyRecistLesion));
}
