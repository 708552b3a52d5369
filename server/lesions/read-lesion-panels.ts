/**
 * Reading what the lesion page draws of one tracked lesion: per timepoint the CT it is
 * shown on and the mask to outline (segmented, or carried over by propagation).
 */
import { and, eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { lesionObservations, lesionTracks, propagatedMasks } from '@/db/schema';
import type { Mat3, PixelType, Vec3 } from '@/server/imaging/image';
import { AppError } from '@/server/lib/errors';

import { loadPatientInputs } from './load-patient';

export interface PanelCt {
  seriesId: string;
  volumeId: string;
  size: Vec3;
  spacingMm: Vec3;
  originMm: Vec3;
  direction: Mat3;
  pixelType: PixelType;
}

export interface LesionPanel {
  timepoint: number;
  studyDate: string;
  /** The CT the lesions of this timepoint are tracked on; null when it has none. */
  ct: PanelCt | null;
  observationId: string | null;
  /** A segment or propagated mask id for /api/masks; null when nothing was drawn. */
  maskId: string | null;
}

export async function loadLesionPanels(
  db: Db, patientId: string, trackId: string,
): Promise<{ trackId: string; label: string; panels: LesionPanel[] }> {
  const inputs = await loadPatientInputs(db, patientId);
  const [track] = await db.select().from(lesionTracks)
    .where(and(eq(lesionTracks.id, trackId), eq(lesionTracks.patientId, inputs.patientRowId)));
  if (!track) {
    throw new AppError('NOT_FOUND', `No lesion ${trackId} for patient ${patientId}.`, {
      userMessage: 'That lesion no longer exists: the lesions were re-tracked. ' +
        'Open it again from the lesion table.',
    });
  }
  const rows = await db
    .select({ observation: lesionObservations, propagatedId: propagatedMasks.id })
    .from(lesionObservations)
    .leftJoin(propagatedMasks, eq(propagatedMasks.observationId, lesionObservations.id))
    .where(eq(lesionObservations.trackId, trackId));

  const panels = inputs.timepoints.map((t): LesionPanel => {
    const row = rows.find((r) => r.observation.timepointId === t.id);

    return {
      timepoint: t.index, studyDate: t.date, ct: t.ct && panelCt(t.ct),
      observationId: row?.observation.id ?? null,
      maskId: row?.observation.segmentMaskId ?? row?.propagatedId ?? null,
    };
  });

  return { trackId, label: track.label, panels };
}

function panelCt(v: {
  id: string; seriesId: string; size: Vec3; spacingMm: Vec3; originMm: Vec3; direction: Mat3;
  pixelType: PixelType;
}): PanelCt {
  return {
    seriesId: v.seriesId, volumeId: v.id, size: v.size, spacingMm: v.spacingMm,
    originMm: v.originMm, direction: v.direction, pixelType: v.pixelType,
  };
}
