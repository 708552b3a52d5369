import { mm } from '../numbers';
import { nodeShortAxisMm } from '../recist/new-lesions';
import { classifyLesion } from '../recist/measurability';
import { RECIST_LIMITS, organKey } from '../recist/target-selection';
import type { NewLesion } from '../schema/input';

/**
 * iRECIST keeps new lesions out of the target sum and follows them on their own
 * (Seymour et al., Lancet Oncol 2017;18:e143-e152): measurable ones become new-lesion
 * targets (NLT, at most 5 and 2 per organ, chosen largest first when they first
 * appear), the rest new-lesion non-targets (NLNT). Once categorised a lesion keeps its
 * category. Growth of an NLNT cannot be read from this input, so only NLNT numbers count.
 */

export interface NewLesionSnapshot {
  /** Counted new lesions on this scan (unequivocal; nodes from 10 mm). */
  ids: string[];
  nltIds: string[];
  nlntIds: string[];
  nltSumMm: number;
  /** Each NLT's size on this scan (short axis for nodes). */
  nltSizesMm: Map<string, number>;
  trace: string[];
}

function sizeMm(lesion: NewLesion): number | undefined {
  return lesion.node ? nodeShortAxisMm(lesion) : lesion.diameterMm;
}

export class NewLesionTracker {
  private readonly nlt = new Map<string, string>();
  private readonly nlnt = new Set<string>();

  /** Categorises first-time lesions and sums the NLTs present on this scan. */
  observe(counted: NewLesion[]): NewLesionSnapshot {
    const fresh = counted
      .filter((l) => !this.nlt.has(l.id) && !this.nlnt.has(l.id))
      .sort((a, b) => (sizeMm(b) ?? -1) - (sizeMm(a) ?? -1));
    for (const lesion of fresh) this.categorise(lesion);

    const nlt = counted.filter((l) => this.nlt.has(l.id));
    const nltSumMm = nlt.reduce((sum, l) => sum + (sizeMm(l) ?? 0), 0);
    const nlntIds = counted.filter((l) => this.nlnt.has(l.id)).map((l) => l.id);
    const trace = counted.length
      ? [`new lesions: NLT ${nlt.map((l) => l.id).join(', ') || 'none'} (sum ${mm(nltSumMm)}), ` +
          `NLNT ${nlntIds.join(', ') || 'none'}`]
      : [];

    const ids = counted.map((l) => l.id);
    const nltSizesMm = new Map(nlt.map((l) => [l.id, sizeMm(l) ?? 0]));

    return { ids, nltIds: nlt.map((l) => l.id), nlntIds, nltSumMm, nltSizesMm, trace };
  }

  private categorise(lesion: NewLesion): void {
    const size = sizeMm(lesion);
    const verdict =
      size === undefined ? undefined : classifyLesion({ node: lesion.node, diameterMm: size });
    const measurable = verdict?.kind === 'measurable';
    const organ = organKey(lesion);
    const inOrgan = [...this.nlt.values()].filter((o) => o === organ).length;
    const room = this.nlt.size < RECIST_LIMITS.maxTotal && inOrgan < RECIST_LIMITS.maxPerOrgan;
    if (measurable && room) this.nlt.set(lesion.id, organ);
    else this.nlnt.add(lesion.id);
  }
}
