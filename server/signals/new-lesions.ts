/** The new-lesion count of each timepoint: lesions seen there and at no earlier one. */

export interface TimepointLesions {
  date: string;
  /** Tracked lesion ids present (with at least one voxel) at this timepoint. */
  lesionIds: string[];
}

/** Timepoints in date order; the first (baseline) has no new lesions by definition. */
export function newLesionCounts(timepoints: TimepointLesions[]): { date: string; count: number }[] {
  const seen = new Set<string>();

  return timepoints.map((tp, n) => {
    const fresh = tp.lesionIds.filter((id) => !seen.has(id));
    for (const id of tp.lesionIds) seen.add(id);

    return { date: tp.date, count: n === 0 ? 0 : new Set(fresh).size };
  });
}
