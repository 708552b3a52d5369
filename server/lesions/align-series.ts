/**
 * Aligning the series of each timepoint that do not share its CT's Frame of Reference
 * (an MR from another scanner) to that CT, rigidly: the same patient on the same day
 * moves but does not change shape. Mattes mutual information pairs HU with MR or PET
 * values. A failure is kept with its reason and falls back to the identity, which every
 * consumer flags; it is never mistaken for a registration.
 *
 * Known shortcoming: a timepoint without a CT has nothing to register its series to, so
 * they get no row and are read in their own frame as if it were the CT's (the lesion
 * table already flags such a timepoint as unregistered). A PET registered by itself is
 * pinned along the body's long axis only to about its own slice thickness (5 mm on the
 * 6 mm phantom PET, under 1 mm in-plane): mutual information finds little there.
 */
import { availableParallelism } from 'node:os';

import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { seriesRegistrations, type SeriesRegistrationMethod } from '@/db/schema';
import type { ImageVolume } from '@/server/imaging/image';
import { logger } from '@/server/lib/log';
import { mapConcurrent } from '@/server/lib/map-concurrent';
import {
  registerVolumes, type Mat3x4, type RegistrationOptions, type RegistrationQuality,
} from '@/server/tracking';
import { IDENTITY_MATRIX } from '@/server/tracking/affine';
import { seriesToRegister, type FrameGroup } from '@/server/tracking/series-frames';

import type { PatientInputs, SeriesRecord, TimepointInputs, VolumeRow } from './load-patient';
import { readCt } from './read-images';

const log = logger('registration');

export interface SeriesAlignment {
  seriesId: string;
  timepointId: string;
  referenceSeriesId: string;
  status: 'ok' | 'failed';
  method: SeriesRegistrationMethod;
  reason: string | null;
  /** The timepoint's CT LPS point ↦ this series' LPS point. */
  matrix: Mat3x4;
  quality: RegistrationQuality | null;
}

type Imaged = { seriesId: string; frameOfReferenceUid: string | null; modality: string;
  instanceCount: number; series: SeriesRecord; volume: VolumeRow };

export type SeriesProgress = (done: number, total: number) => void;

export async function alignSeries(
  dataDir: string,
  inputs: PatientInputs,
  options: RegistrationOptions,
  onProgress: SeriesProgress = () => undefined,
): Promise<SeriesAlignment[]> {
  const work = inputs.timepoints
    .flatMap((t) => (t.ct ? [{ t, ct: t.ct, groups: groupsOf(t) }] : []))
    .filter((w) => w.groups.length > 0);
  const total = work.reduce((sum, w) => sum + w.groups.length, 0);
  let done = 0;
  onProgress(done, total);
  // Timepoints side by side, one registration worker per core, as for the CTs.
  const lanes = options.inProcess ? 1 : availableParallelism();
  const perTimepoint = await mapConcurrent(work, lanes, async ({ t, ct, groups }) => {
    const fixed = await readCt(dataDir, ct);
    const out: SeriesAlignment[] = [];
    for (const group of groups) {
      out.push(...await alignGroup(dataDir, fixed, { timepointId: t.id, ct }, group, options));
      onProgress(++done, total);
    }

    return out;
  });
  onProgress(total, total);

  return perTimepoint.flat();
}

function groupsOf(t: TimepointInputs): FrameGroup<Imaged>[] {
  if (!t.ct) return [];
  const imaged = t.imaged.map((i) => ({
    seriesId: i.series.id, frameOfReferenceUid: i.series.frameOfReferenceUid,
    modality: i.series.modality, instanceCount: i.series.instanceCount,
    series: i.series, volume: i.volume,
  }));

  return seriesToRegister({ seriesId: t.ct.seriesId, frameOfReferenceUid: t.frameOfReferenceUid },
    imaged);
}

/** Registers the group's members in turn until one succeeds; the others share its transform. */
async function alignGroup(
  dataDir: string,
  fixed: ImageVolume,
  at: { timepointId: string; ct: VolumeRow },
  group: FrameGroup<Imaged>,
  options: RegistrationOptions,
): Promise<SeriesAlignment[]> {
  const base = { timepointId: at.timepointId, referenceSeriesId: at.ct.seriesId };
  const reasons: string[] = [];
  let firstQuality: RegistrationQuality | null = null;
  for (const member of group.members) {
    const moving = await readCt(dataDir, member.volume);
    const result = await registerVolumes(fixed, moving, {
      ...options, stages: ['rigid'], movingKind: member.series.modality === 'CT' ? 'ct' : 'other',
    });
    if (result.status === 'ok' && result.transform) {
      const ok = { ...base, status: 'ok' as const, matrix: result.transform.matrix,
        quality: result.quality };

      return group.members.map((m): SeriesAlignment => (m === member
        ? { ...ok, seriesId: m.seriesId, method: 'elastix-rigid', reason: null }
        : { ...ok, seriesId: m.seriesId, method: 'shared-frame-of-reference',
          reason: `Shares its Frame of Reference with ${describe(member.series)}, whose ` +
            'registration to the CT it takes.' }));
    }
    reasons.push(`${describe(member.series)}: ${result.reason ?? 'registration failed.'}`);
    firstQuality ??= result.quality;
  }
  log.warn('series registration failed, falling back to the identity', {
    count: group.members.length,
  });
  const reason = `Could not register to the CT (${reasons.join(' ')}) Positions are read ` +
    'in this series\' own frame as if it were the CT\'s: review its values.';

  return group.members.map((m) => ({ ...base, seriesId: m.seriesId, status: 'failed',
    method: 'fallback-identity', reason, matrix: [...IDENTITY_MATRIX], quality: firstQuality }));
}

function describe(s: SeriesRecord): string {
  return `${s.modality} series ${s.seriesNumber ?? '?'} "${s.description ?? ''}"`;
}

/** Replaces the patient's series registrations with this run's. */
export async function storeSeriesAlignments(
  db: Db,
  patientRowId: string,
  alignments: SeriesAlignment[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(seriesRegistrations).where(eq(seriesRegistrations.patientId, patientRowId));
    if (alignments.length === 0) return;
    await tx.insert(seriesRegistrations).values(alignments.map((a) => ({
      patientId: patientRowId, timepointId: a.timepointId, seriesId: a.seriesId,
      referenceSeriesId: a.referenceSeriesId, status: a.status, method: a.method,
      reason: a.reason, matrix: a.matrix, quality: a.quality,
    })));
  });
}
