import { daysBetween } from './numbers';
import type { Confirmation } from './schema/input';

/**
 * Best overall response (RECIST 1.1, section 4.4 and Table 3), shared by all criteria
 * through a vocabulary that maps each category to a class. Only assessments up to the
 * first definitive progression count. With confirmation required, a CR needs a later CR
 * and a PR a later PR or CR, at least minDays on, with only responses or NE between;
 * an unconfirmed response falls back to SD. SD (and any response standing in for it)
 * counts only from sdMinDays after baseline; failing that, the best is PD if progression
 * followed, otherwise NE. CR followed by PR is read as a confirmed PR (Table 3's note: the
 * first CR was probably a PR); the other reading, PD after a true CR, is not applied.
 */

export type BorClass = 'CR' | 'PR' | 'SD' | 'UPD' | 'PD' | 'NE';

export interface BorVocabulary<C extends string> {
  classOf(category: C): BorClass;
  label: Record<BorClass, C>;
}

export interface BorPoint<C extends string> {
  date: string;
  category: C;
}

export interface BorResult<C extends string> {
  category: C;
  trace: string[];
}

export const NO_CONFIRMATION: Confirmation = { required: false, minDays: 28, sdMinDays: 0 };

interface Classed<C extends string> extends BorPoint<C> {
  cls: BorClass;
}

function untilProgression<C extends string>(points: Classed<C>[]): Classed<C>[] {
  const end = points.findIndex((p) => p.cls === 'PD');

  return end < 0 ? points : points.slice(0, end + 1);
}

function confirmation<C extends string>(
  points: Classed<C>[],
  index: number,
  accepts: BorClass[],
  minDays: number,
): Classed<C> | undefined {
  const first = points[index];
  if (!first) return undefined;

  for (const later of points.slice(index + 1)) {
    const enough = daysBetween(first.date, later.date) >= minDays;
    if (accepts.includes(later.cls) && enough) return later;
    if (!accepts.includes(later.cls) && later.cls !== 'NE') return undefined;
  }

  return undefined;
}

function confirmedResponse<C extends string>(
  points: Classed<C>[],
  options: Confirmation,
  trace: string[],
): BorClass | undefined {
  let best: BorClass | undefined;
  points.forEach((point, i) => {
    if (point.cls !== 'CR' && point.cls !== 'PR') return;

    const asCr = point.cls === 'CR' ? confirmation(points, i, ['CR'], options.minDays) : undefined;
    const asPr = asCr ?? confirmation(points, i, ['CR', 'PR'], options.minDays);
    const days = `${options.minDays} or more days later`;
    if (asCr) {
      trace.push(`${point.category} on ${point.date} confirmed by CR on ${asCr.date}`);
      best = 'CR';
    } else if (asPr) {
      const as = point.cls === 'CR' ? ' as a PR (the CR itself was not confirmed)' : '';
      const by = `${asPr.category} on ${asPr.date}`;
      trace.push(`${point.category} on ${point.date} confirmed${as} by ${by}`);
      if (best !== 'CR') best = 'PR';
    } else {
      trace.push(`${point.category} on ${point.date} not confirmed by a response ${days}`);
    }
  });

  return best;
}

function stableLongEnough<C extends string>(
  points: Classed<C>[],
  baselineDate: string,
  options: Confirmation,
  trace: string[],
): Classed<C> | undefined {
  const candidates = points.filter((p) => p.cls === 'CR' || p.cls === 'PR' || p.cls === 'SD');
  for (const point of candidates) {
    const days = daysBetween(baselineDate, point.date);
    if (days >= options.sdMinDays) return point;

    trace.push(
      `${point.category} on ${point.date} is ${days} days after baseline, short of the ` +
        `${options.sdMinDays}-day minimum for SD`,
    );
  }

  return undefined;
}

function bestUnconfirmed<C extends string>(points: Classed<C>[]): BorClass | undefined {
  if (points.some((p) => p.cls === 'CR')) return 'CR';
  if (points.some((p) => p.cls === 'PR')) return 'PR';

  return undefined;
}

function fallback<C extends string>(points: Classed<C>[], vocab: BorVocabulary<C>) {
  const progression = points.find((p) => p.cls === 'PD');
  if (progression) {
    return { category: progression.category, why: `progression on ${progression.date}` };
  }

  const unconfirmed = points.find((p) => p.cls === 'UPD');
  if (unconfirmed) {
    const why = `unconfirmed progression on ${unconfirmed.date}`;

    return { category: unconfirmed.category, why };
  }

  return { category: vocab.label.NE, why: 'no assessment qualifies' };
}

export function bestOverallResponse<C extends string>(
  baselineDate: string,
  points: BorPoint<C>[],
  vocab: BorVocabulary<C>,
  options: Confirmation = NO_CONFIRMATION,
): BorResult<C> {
  const trace: string[] = [];
  const classed = untilProgression(points.map((p) => ({ ...p, cls: vocab.classOf(p.category) })));
  if (classed.length < points.length) {
    trace.push('assessments after the first progression (PD, iCPD or PMD) do not count');
  }

  const response = options.required
    ? confirmedResponse(classed, options, trace)
    : bestUnconfirmed(classed);
  if (response) {
    trace.push(`best overall response ${vocab.label[response]}`);

    return { category: vocab.label[response], trace };
  }

  const stable = stableLongEnough(classed, baselineDate, options, trace);
  if (stable) {
    const category = stable.cls === 'SD' ? stable.category : vocab.label.SD;
    trace.push(`best overall response ${category}: ${stable.category} on ${stable.date}`);

    return { category, trace };
  }

  const last = fallback(classed, vocab);
  trace.push(`best overall response ${last.category}: ${last.why}`);

  return { category: last.category, trace };
}
