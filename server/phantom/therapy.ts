/**
 * therapy.csv: one row per line of therapy. Line 1 starts 3-10 days after the baseline
 * scan. A patient whose disease progresses (a new lesion, or a progressing lesion 20%
 * larger than at baseline) at a follow-up before the last switches to line 2 a week
 * after that scan. An empty end means ongoing at the last scan.
 */
import { DAY_MS } from '@/lib/dates';

import { ARM_LABELS } from './patient-plan';
import type { PatientPlan } from './patient-plan';
import { createRng, intBetween } from './random';

const AGENTS = { A: 'docetaxel', B: 'HMX-101 (investigational)', second: 'gemcitabine' } as const;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Index of the first follow-up (from the third timepoint on) showing progression. */
export function progressionTimepoint(patient: PatientPlan): number | null {
  for (let k = 2; k < patient.timepoints.length - 1; k++) {
    const progressed = patient.lesions.some((l) => {
      const grown = l.behaviour === 'progressing' && l.course.scales[k]! >= 1.2;
      const appeared = l.behaviour === 'new' && l.course.scales[k]! > 0;

      return grown || appeared;
    });
    if (progressed) return k;
  }

  return null;
}

export function therapyRows(seed: number, patient: PatientPlan): string[][] {
  const rng = createRng(seed, `therapy|${patient.patientId}`);
  const baseline = patient.timepoints[0]!.date;
  const start = addDays(baseline, intBetween(rng, 3, 10));
  const switchAt = progressionTimepoint(patient);
  const arm = ARM_LABELS[patient.arm];
  if (switchAt === null) return [[patient.patientId, AGENTS[patient.arm], '1', start, '', arm]];

  const scanDate = patient.timepoints[switchAt]!.date;

  return [
    [patient.patientId, AGENTS[patient.arm], '1', start, addDays(scanDate, 3), arm],
    [patient.patientId, AGENTS.second, '2', addDays(scanDate, 7), '', arm],
  ];
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function therapyCsv(rows: string[][]): string {
  const header = ['patient_id', 'agent', 'line', 'start', 'end', 'arm'];

  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
