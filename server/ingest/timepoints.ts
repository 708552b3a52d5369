/**
 * Grouping a patient's studies into timepoints, and choosing the baseline. Pure: the
 * caller loads studies and therapy starts, and writes the result back.
 */

import { dayOf } from '@/lib/dates';

export interface StudyDate {
  studyId: string;
  /** ISO date, yyyy-mm-dd. */
  date: string;
}

export interface TimepointGroup {
  /** The earliest study date of the group: the date the timepoint is shown with. */
  date: string;
  studyIds: string[];
}

/**
 * Studies whose dates lie within `windowDays` of the previous study of the group join
 * it; a window of 0 groups studies of the same day only.
 */
export function groupStudies(studies: StudyDate[], windowDays: number): TimepointGroup[] {
  const sorted = [...studies].sort((a, b) => a.date.localeCompare(b.date));
  const groups: TimepointGroup[] = [];
  let lastDay = Number.NEGATIVE_INFINITY;

  for (const study of sorted) {
    const day = dayOf(study.date);
    const current = groups.at(-1);
    if (current && day - lastDay <= windowDays) {
      current.studyIds.push(study.studyId);
    } else {
      groups.push({ date: study.date, studyIds: [study.studyId] });
    }
    lastDay = day;
  }

  return groups;
}

/**
 * The baseline is the last timepoint on or before the first therapy start (a scan on
 * the day treatment begins is taken before the first dose), or the first timepoint
 * when no therapy is recorded or every scan follows the start. Returns an index into
 * `timepointDates` (sorted ascending), or -1 when there are no timepoints.
 */
export function chooseBaseline(timepointDates: string[], therapyStarts: string[]): number {
  if (timepointDates.length === 0) return -1;
  const firstStart = [...therapyStarts].sort()[0];
  if (!firstStart) return 0;

  let baseline = 0;
  timepointDates.forEach((date, index) => {
    if (date <= firstStart) baseline = index;
  });

  return baseline;
}
