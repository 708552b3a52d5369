import type { NewLesionState } from '../categories';
import { mm } from '../numbers';
import type { NewLesion } from '../schema/input';
import { NODE_PATHOLOGICAL_MM } from './measurability';

/**
 * New lesions under RECIST 1.1 (section 4.3.2 and the working group's FAQ). Only an
 * unequivocal new lesion makes PD; an equivocal one is followed up, and if a later scan
 * confirms it, progression dates from the scan where it first appeared. A new lymph node
 * is a lesion only from 10 mm short axis; smaller nodes are normal.
 */

export interface NewLesionAssessment {
  state: NewLesionState;
  /** Ids that count as new lesions (unequivocal, nodes >= 10 mm). */
  counted: string[];
  equivocal: string[];
  trace: string[];
}

/** A node's short axis; the input's convention makes diameterMm a node's short axis. */
export function nodeShortAxisMm(lesion: NewLesion): number | undefined {
  return lesion.shortAxisMm ?? lesion.diameterMm;
}

function isNormalNode(lesion: NewLesion): boolean {
  const shortAxis = nodeShortAxisMm(lesion);

  return lesion.node && shortAxis !== undefined && shortAxis < NODE_PATHOLOGICAL_MM;
}

export function assessNewLesions(lesions: NewLesion[]): NewLesionAssessment {
  const result: NewLesionAssessment = { state: 'none', counted: [], equivocal: [], trace: [] };
  for (const lesion of lesions) {
    if (isNormalNode(lesion)) {
      const size = mm(nodeShortAxisMm(lesion) ?? 0);
      result.trace.push(`new node ${lesion.id}: short axis ${size} < 10 mm is normal, not counted`);
    } else if (!lesion.unequivocal) {
      result.equivocal.push(lesion.id);
      result.trace.push(
        `new lesion ${lesion.id} (${lesion.organ}) is equivocal: not PD; if a later scan ` +
          'confirms it, PD dates from this scan',
      );
    } else {
      result.counted.push(lesion.id);
    }
  }
  if (result.counted.length > 0) {
    result.state = 'unequivocal';
    result.trace.push(`new lesions: ${result.counted.join(', ')} (unequivocal)`);
  } else if (result.equivocal.length > 0) {
    result.state = 'equivocal';
  }

  return result;
}
