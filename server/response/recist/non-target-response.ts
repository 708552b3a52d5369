import type { NonTargetCategory } from '../categories';
import type { NonTargetStatus } from '../schema/input';

/**
 * Non-target response (RECIST 1.1, section 4.3.2). A baseline non-target missing from a
 * follow-up was not evaluated. Tumour markers, which RECIST also asks to be normal for
 * a non-target CR, are not part of the input and are not considered.
 */

export interface NonTargetAssessment {
  category: NonTargetCategory;
  trace: string[];
}

export function assessNonTargets(
  baseline: NonTargetStatus[],
  measured: NonTargetStatus[],
): NonTargetAssessment | undefined {
  if (baseline.length === 0) return undefined;

  const statuses = baseline.map((b) => ({
    id: b.id,
    status: measured.find((m) => m.id === b.id)?.status,
  }));
  const progressed = statuses.filter((s) => s.status === 'progression').map((s) => s.id);
  const missing = statuses.filter((s) => s.status === undefined).map((s) => s.id);
  const present = statuses.filter((s) => s.status === 'present').map((s) => s.id);

  if (progressed.length > 0) {
    return {
      category: 'PD',
      trace: [`non-target PD: unequivocal progression of ${progressed.join(', ')}`],
    };
  }
  if (missing.length > 0) {
    return { category: 'NE', trace: [`non-target NE: ${missing.join(', ')} not evaluated`] };
  }
  if (present.length === 0) {
    return { category: 'CR', trace: ['non-target CR: every non-target lesion has gone'] };
  }

  return {
    category: 'non-CR/non-PD',
    trace: [`non-target non-CR/non-PD: ${present.join(', ')} still present`],
  };
}
