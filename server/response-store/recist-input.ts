/**
 * The RECIST 1.1 / iRECIST engine input from the response rows. A target with no value
 * on a scan is not evaluated; a non-target left out of a not-evaluated scan counts as
 * not evaluated; a lesion first seen after the baseline is new wherever it is present,
 * unequivocal unless the reader says it is equivocal or not new at all.
 *
 * A target marked too small to measure (see lesion-rows) goes to the engine with its
 * measured diameter and tooSmall, so it counts 5 mm and the trace names what was measured.
 *
 * Each scan carries its CT's slice spacing as the slice thickness, so the measurable
 * minimum is max(10 mm, twice it).
 */
import type { ResponseInput } from '@/server/response/schema/input';

import type { CellView, LesionRow, ResponseRows, TimepointView } from './lesion-rows';

type RecistPoint = Extract<
  ResponseInput,
  { criteria: 'recist1.1' | 'irecist' }
>['timepoints'][number];

export function recistInput(rows: ResponseRows, criteria: 'recist1.1' | 'irecist'): ResponseInput {
  return {
    criteria,
    timepoints: rows.timepoints.map((t, i) => recistPoint(t, i, rows.lesions)),
  };
}

function recistPoint(t: TimepointView, i: number, lesions: LesionRow[]): RecistPoint {
  const cellOf = (l: LesionRow) => l.cells[i]!;
  const targets = lesions
    .filter((l) => l.role === 'target')
    .map((l) => ({ id: l.label, organ: l.organ, node: l.node, ...targetValue(t, cellOf(l)) }));
  const thickness = t.sliceThicknessMm ? { sliceThicknessMm: t.sliceThicknessMm } : {};
  if (!t.evaluated) return { date: t.date, ...thickness, targets };

  const nonTargets = lesions
    .filter((l) => l.role === 'non-target')
    .flatMap((l) => {
      const status = nonTargetStatus(cellOf(l), i === 0);

      return status ? [{ id: l.label, status }] : [];
    });
  const newLesions =
    i === 0 ? [] : lesions.filter((l) => l.isNew).flatMap((l) => newLesion(l, cellOf(l)));

  return { date: t.date, ...thickness, targets, nonTargets, newLesions };
}

function targetValue(t: TimepointView, cell: CellView) {
  const measured = cell.valueMm !== null ? { diameterMm: cell.valueMm } : {};
  if (!t.evaluated) return { notEvaluated: true };
  if (cell.tooSmall) return { tooSmall: true, ...measured };

  return cell.valueMm !== null ? measured : { notEvaluated: true };
}

function nonTargetStatus(cell: CellView, atBaseline: boolean) {
  if (atBaseline) return 'present' as const;
  if (cell.nonTargetStatus) return cell.nonTargetStatus;
  if (cell.present === null) return undefined;

  return cell.present ? ('present' as const) : ('absent' as const);
}

function newLesion(l: LesionRow, cell: CellView) {
  const status = cell.newLesionStatus ?? (cell.present ? 'unequivocal' : 'not-new');
  if (status === 'not-new') return [];

  // valueMm already holds the short axis of a node, or the reader's own measurement.
  const longestMm = l.node ? cell.longestDiameterMm : cell.valueMm;
  const sizes = {
    ...(longestMm !== null ? { diameterMm: longestMm } : {}),
    ...(l.node && cell.valueMm !== null ? { shortAxisMm: cell.valueMm } : {}),
  };

  return [
    { id: l.label, organ: l.organ, node: l.node, unequivocal: status === 'unequivocal', ...sizes },
  ];
}
