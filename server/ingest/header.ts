import type { DicomInstance } from '@/server/imaging/dicom/instance';
import { classifySeries } from '@/server/imaging/dicom/classify';
import { contrastPhaseOf } from '@/server/imaging/dicom/contrast-phase';

import { logger } from '@/server/lib/log';

import type { SeriesHeader } from './prepared';

const nonconformant = logger('nonconformant');

/** yyyymmdd (DICOM DA) to yyyy-mm-dd, or undefined when it is not a real date. */
export function isoFromDicomDate(value: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;

  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** The header fields that place a file in a patient's record and in time. */
type Placement = Pick<
  DicomInstance,
  | 'sopInstanceUid'
  | 'patient'
  | 'study'
  | 'series'
  | 'acquisitionDate'
  | 'acquisitionDateTime'
  | 'contentDate'
  | 'instanceCreationDate'
>;

/** Why a file cannot be placed in a patient's record, or undefined when it can. */
export function missingIdentity(instance: Placement): string | undefined {
  if (!instance.sopInstanceUid) return 'SOP Instance UID (0008,0018) is missing.';
  if (!instance.series.uid) return 'Series Instance UID (0020,000E) is missing.';
  if (!instance.study.uid) return 'Study Instance UID (0020,000D) is missing.';
  if (!instance.patient.id?.trim()) {
    return 'Patient ID (0010,0020) is empty, so the scan cannot be placed in a patient record.';
  }
  if (!studyDateOf(instance)) {
    return 'No study, series, acquisition or content date: the scan cannot be placed in time.';
  }

  return undefined;
}

/**
 * The date a scan is placed at. De-identification often blanks StudyDate; the
 * series, acquisition, content and (last) instance creation dates stand in, in that
 * order, and the stand-in is logged as non-conformant input.
 */
export function studyDateOf(instance: Placement): string | undefined {
  const study = isoFromDicomDate(instance.study.date);
  if (study) return study;

  const candidates: [string, string | undefined][] = [
    ['SeriesDate', instance.series.date],
    ['AcquisitionDate', instance.acquisitionDate ?? instance.acquisitionDateTime?.slice(0, 8)],
    ['ContentDate', instance.contentDate],
    ['InstanceCreationDate', instance.instanceCreationDate],
  ];
  for (const [tag, value] of candidates) {
    const iso = isoFromDicomDate(value);
    if (!iso) continue;
    nonconformant.debug('study date missing, another date used', { reason: tag });

    return iso;
  }

  return undefined;
}

/** Patient, study and series identity of a file that passed missingIdentity. */
export function placementOf(instance: Placement) {
  const birthYear = Number(instance.patient.birthDate?.slice(0, 4));

  return {
    patientId: (instance.patient.id ?? '').trim(),
    sex: instance.patient.sex ?? null,
    birthYear: Number.isInteger(birthYear) && birthYear > 1850 ? birthYear : null,
    weightKg: instance.patient.weightKg ?? null,
    heightM: instance.patient.sizeM ?? null,
    studyInstanceUid: instance.study.uid ?? '',
    studyDate: studyDateOf(instance) ?? '',
    studyDescription: instance.study.description ?? null,
    seriesInstanceUid: instance.series.uid ?? '',
    seriesNumber: instance.series.number ?? null,
  };
}

/** The header of a series, from one of its instances that passed missingIdentity. */
export function seriesHeaderOf(instance: DicomInstance): SeriesHeader {
  const type = classifySeries(instance);

  return {
    ...placementOf(instance),
    modality: instance.modality ?? 'OT',
    seriesType: type.seriesType,
    seriesTypeReason: type.reason,
    tracer: type.tracer ?? null,
    contrastPhase: contrastPhaseOf(instance).phase,
    frameOfReferenceUid: instance.frameOfReferenceUid ?? null,
    description: instance.series.description ?? null,
    referencedSeriesUid: instance.seg?.referencedSeriesUid ?? null,
  };
}
