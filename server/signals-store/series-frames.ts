/**
 * Which series of a timepoint lie in another frame than the CT the lesion masks are
 * drawn on, and how tracking aligned them (series_registrations). A registered series is
 * read re-expressed in the CT's frame (server/tracking/frame-geometry.ts), so masks reach
 * it through the registration. One whose registration failed, or that tracking has not
 * registered yet, is read in its own frame as if it were the CT's, and every value
 * measured on it says so in its settings.
 */
import { eq } from 'drizzle-orm';

import type { Db } from '@/db/client';
import { seriesRegistrations } from '@/db/schema';
import type { ImageVolume } from '@/server/imaging/image';
import type { Mat3x4 } from '@/server/tracking';
import { geometryInReferenceFrame } from '@/server/tracking/frame-geometry';

import type { ImagedSeries, TimepointImages } from './load-inputs';

export type RegistrationRow = typeof seriesRegistrations.$inferSelect;

export interface SeriesFrame {
  /** CT LPS point ↦ series LPS point; null when the series is read unregistered. */
  matrix: Mat3x4 | null;
  /** What each value measured on the series states in settings.seriesFrame. */
  note: string;
}

export function loadSeriesRegistrations(db: Db, patientRowId: string) {
  return db.select().from(seriesRegistrations)
    .where(eq(seriesRegistrations.patientId, patientRowId));
}

/** The series of the timepoint that need a frame of their own, keyed by series id. */
export function seriesFrames(
  tp: TimepointImages, ct: ImagedSeries | undefined, rows: RegistrationRow[],
): Map<string, SeriesFrame> {
  const frames = new Map<string, SeriesFrame>();
  if (!ct) return frames;
  const ctFrame = ct.series.frameOfReferenceUid;
  // A registration to another CT of the same frame (tracking may pick another) holds too.
  const sameFrameAsCt = (seriesId: string) => seriesId === ct.series.id || (ctFrame !== null &&
    tp.images.some((i) => i.series.id === seriesId && i.series.frameOfReferenceUid === ctFrame));
  for (const { series } of tp.images) {
    const row = rows.find((r) => r.seriesId === series.id && sameFrameAsCt(r.referenceSeriesId));
    const frame = row ? fromRow(row) : missing(series.frameOfReferenceUid, ctFrame);
    if (series.id !== ct.series.id && frame) frames.set(series.id, frame);
  }

  return frames;
}

function fromRow(row: RegistrationRow): SeriesFrame {
  if (row.status === 'ok') return { matrix: row.matrix, note: `registered (${row.method})` };

  return { matrix: null, note: `unregistered, identity used: ${row.reason ?? 'failed'}` };
}

function missing(frame: string | null, ctFrame: string | null): SeriesFrame | undefined {
  if (frame !== null && frame === ctFrame) return undefined;

  return { matrix: null, note: 'unregistered, identity used: its Frame of Reference differs ' +
    "from the CT's and tracking has not registered it; run tracking, then the signals." };
}

/** The image as seen from the CT's frame when it has a registration, else unchanged. */
export function inCtFrame(image: ImageVolume, frame: SeriesFrame | undefined): ImageVolume {
  return frame?.matrix ? geometryInReferenceFrame(image, frame.matrix) : image;
}
