import type { TargetMeasurement } from '../schema/input';

/**
 * The size each baseline target contributes at one assessment (RECIST 1.1, appendix II):
 * a lesion too small to measure counts 5 mm, one that has gone counts 0 mm, and a
 * target left out of the assessment or marked notEvaluated has no value. Lesions that
 * split or merge (RECIST's rule: sum the fragments, or give the merged lesion to one
 * target and 0 mm to the other) must be entered that way by the reader; nothing here
 * detects them.
 */

/** Default for "present but too small to measure", nodes included. */
export const TOO_SMALL_MM = 5;

export interface TargetReading {
  id: string;
  organ: string;
  node: boolean;
  /** Undefined when the lesion was not evaluated. */
  valueMm: number | undefined;
  tooSmall: boolean;
  /** What was measured on a too-small lesion, kept only to say so in the trace. */
  measuredMm?: number;
}

export function readTargets(
  baseline: TargetMeasurement[],
  measured: TargetMeasurement[],
): TargetReading[] {
  return baseline.map((reference) => {
    const entry = measured.find((m) => m.id === reference.id);
    const tooSmall = entry?.tooSmall === true && entry.notEvaluated !== true;
    const valueMm =
      !entry || entry.notEvaluated ? undefined : tooSmall ? TOO_SMALL_MM : entry.diameterMm;

    const measuredMm = tooSmall ? entry.diameterMm : undefined;
    const reading = { id: reference.id, organ: reference.organ, node: reference.node };

    return { ...reading, valueMm, tooSmall, ...(measuredMm !== undefined ? { measuredMm } : {}) };
  });
}

export interface TargetSum {
  /** Sum of the evaluated lesions only. */
  sumMm: number;
  notEvaluated: string[];
}

export function sumTargets(readings: TargetReading[]): TargetSum {
  let sumMm = 0;
  const notEvaluated: string[] = [];
  for (const reading of readings) {
    if (reading.valueMm === undefined) notEvaluated.push(reading.id);
    else sumMm += reading.valueMm;
  }

  return { sumMm, notEvaluated };
}
