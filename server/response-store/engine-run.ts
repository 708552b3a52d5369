/**
 * Running the response engine on built input, and the shape of an answer when it cannot
 * run: every follow-up NE with the reason in its trace, so the page and the CLI read one
 * document either way.
 */
import type { Criteria } from '@/server/response/categories';
import { assessResponse } from '@/server/response/assess-response';
import type { ResponseInput } from '@/server/response/schema/input';
import type { ResponseOutput, TimepointResult } from '@/server/response/schema/output';
import { isAppError } from '@/server/lib/errors';

import type { PercistBuild } from './percist-input';

export function notEvaluableOutput(
  criteria: Criteria,
  dates: string[],
  reason: string,
): ResponseOutput {
  return {
    criteria,
    timepoints: dates.map((date, i) => notEvaluated(date, i === 0, reason)),
    bestOverallResponse: 'NE',
    bestOverallTrace: [reason],
    warnings: [reason],
  };
}

function notEvaluated(date: string, isBaseline: boolean, reason: string): TimepointResult {
  return { date, overall: isBaseline ? null : 'NE', warnings: [reason], trace: [reason] };
}

/** The engine's answer, or NE throughout with the engine's own words on a refused input. */
export function runEngine(input: ResponseInput, dates: string[]) {
  try {
    return { output: assessResponse(input), reason: null };
  } catch (err) {
    if (!isAppError(err) || err.code !== 'BAD_INPUT') throw err;

    const reason = `the tracked data cannot be assessed: ${err.userMessage}`;

    return { output: notEvaluableOutput(input.criteria, dates, reason), reason };
  }
}

/** PERCIST output over every timepoint, the set-aside ones NE with why. */
export function withSkipped(output: ResponseOutput, build: PercistBuild, dates: string[]) {
  const assessed = [...output.timepoints];
  const timepoints = dates.map((date, i): TimepointResult => {
    const skip = build.skipped.get(i);
    if (skip) return notEvaluated(date, i === 0, skip);

    const point = assessed.shift() ?? notEvaluated(date, i === 0, 'not assessed');
    const note = build.notes.get(i);

    return note
      ? { ...point, warnings: [...point.warnings, note], trace: [...point.trace, note] }
      : point;
  });

  return { ...output, timepoints };
}
