/**
 * Which two CTs of a timepoint CT enhancement subtracts: one whose contrast phase is
 * 'enhanced' and one 'unenhanced', with the same Frame of Reference, so that a patient
 * point is the same anatomy on both. A CT of unknown phase never takes part: a missing
 * contrast tag does not prove that no contrast was given.
 */
export interface PhaseCandidate {
  contrastPhase: string | null;
  frameOfReferenceUid: string | null;
  instanceCount: number;
}

export interface PhasePair<T> {
  enhanced: T;
  unenhanced: T;
}

/**
 * `cts` are the timepoint's CT series; `primary`, the CT the lesion masks lie on, is used
 * on its side when its phase is known. Otherwise the series with most slices is taken.
 */
export function pairContrastPhases<T extends PhaseCandidate>(
  cts: readonly T[],
  primary?: T,
): PhasePair<T> | null {
  const largest = (phase: string, frame?: string) =>
    cts
      .filter((c) => c.contrastPhase === phase && c.frameOfReferenceUid)
      .filter((c) => frame === undefined || c.frameOfReferenceUid === frame)
      .sort((a, b) => b.instanceCount - a.instanceCount)[0];
  const frame = primary?.frameOfReferenceUid ?? undefined;

  if (primary?.contrastPhase === 'enhanced' && frame) {
    const unenhanced = largest('unenhanced', frame);

    return unenhanced ? { enhanced: primary, unenhanced } : null;
  }
  if (primary?.contrastPhase === 'unenhanced' && frame) {
    const enhanced = largest('enhanced', frame);

    return enhanced ? { enhanced, unenhanced: primary } : null;
  }
  const enhanced = largest('enhanced');
  const unenhanced = enhanced && largest('unenhanced', enhanced.frameOfReferenceUid ?? undefined);

  return enhanced && unenhanced ? { enhanced, unenhanced } : null;
}
