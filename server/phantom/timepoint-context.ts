/** Everything the series writers of one timepoint share. */
import path from 'node:path';
import type { DicomDataset } from './dicom/encoder';
import { studyModules } from './dicom/modules';
import type { PhantomSize } from './grids';
import type { PatientPlan, TimepointPlan } from './patient-plan';
import type { Scene } from './render';
import { deriveUid } from './uid';

export interface TimepointContext {
  seed: number;
  size: PhantomSize;
  outDir: string;
  /** Whether an unenhanced CT is written beside the (then contrast-tagged) CT. */
  unenhancedCt: boolean;
  /** Whether the MR maps go into a study and Frame of Reference of their own. */
  separateMrFrame: boolean;
  /** Relative to outDir. */
  relativeDir: string;
  patient: PatientPlan;
  tp: TimepointPlan;
  scene: Scene;
  studyInstanceUid: string;
  frameOfReferenceUid: string;
  shared: DicomDataset;
  uid(name: string): string;
}

export function timepointContext(
  seed: number,
  size: PhantomSize,
  outDir: string,
  patient: PatientPlan,
  tp: TimepointPlan,
  unenhancedCt = false,
  separateMrFrame = false,
): TimepointContext {
  const base = `${patient.patientId}/tp${tp.index}`;
  const uid = (name: string) => deriveUid(seed, `${base}/${name}`);
  const ids = { studyInstanceUid: uid('study'), frameOfReferenceUid: uid('frame-of-reference') };

  return {
    seed,
    size,
    outDir,
    unenhancedCt,
    separateMrFrame,
    relativeDir: path.posix.join(
      'dicom',
      patient.patientId,
      `TP${tp.index}_${tp.date.replaceAll('-', '')}`,
    ),
    patient,
    tp,
    scene: {
      anatomy: patient.anatomy,
      pose: tp.pose,
      timepoint: tp.index,
      lesions: patient.lesions,
    },
    ...ids,
    shared: studyModules(patient, tp, ids),
    uid,
  };
}
