import type { NonTargetCategory } from '../categories';
import type { PercistTimepoint } from '../schema/input';

/**
 * PERCIST 1.0 non-target lesions (Wahl et al. 2009): every FDG-avid lesion other than the
 * target. CMR needs all of them back to background; unequivocal progression of any is
 * PMD; otherwise they do not change a PMR or SMD, which the hottest lesion alone decides.
 * The component is reported in RECIST terms, like every component.
 */

export interface NonTargetReading {
  /** Undefined when the baseline has no non-targets. */
  category?: NonTargetCategory;
  progressed: string[];
  /** True when nothing among the non-targets stands in the way of CMR. */
  allowsComplete: boolean;
  /** Sentences for a scan that is not PMD by the non-targets. */
  notes: string[];
}

const PRESENT = 'still FDG-avid: no CMR, though they do not change PMR or SMD';
const MISSING = 'not assessed: CMR cannot be confirmed';

function idsWith(statuses: { id: string; status?: string }[], status: string | undefined) {
  return statuses.filter((s) => s.status === status).map((s) => s.id);
}

export function readNonTargets(
  baseline: PercistTimepoint,
  point: PercistTimepoint,
): NonTargetReading {
  const statuses = baseline.nonTargets.map((b) => ({
    id: b.id,
    status: point.nonTargets.find((n) => n.id === b.id)?.status,
  }));
  const progressed = idsWith(statuses, 'progression');
  const present = idsWith(statuses, 'present');
  const missing = idsWith(statuses, undefined);
  const notes = [
    ...(present.length ? [`non-target(s) ${present.join(', ')} ${PRESENT}`] : []),
    ...(missing.length ? [`non-target(s) ${missing.join(', ')} ${MISSING}`] : []),
  ];

  return {
    category: categoryOf(statuses.length, progressed, missing, present),
    progressed,
    allowsComplete: present.length === 0 && missing.length === 0 && progressed.length === 0,
    notes,
  };
}

function categoryOf(
  count: number,
  progressed: string[],
  missing: string[],
  present: string[],
): NonTargetCategory | undefined {
  if (count === 0) return undefined;
  if (progressed.length > 0) return 'PD';
  if (missing.length > 0) return 'NE';

  return present.length > 0 ? 'non-CR/non-PD' : 'CR';
}
