/** Growth (SGR, doubling time) per tracked lesion and new lesions per timepoint. */
import { growthSignals, newLesionCounts, type GrowthInterval } from '@/server/signals';

import type { LesionIdentity, TrackPresence } from './read-lesions';

interface VolumePoint {
  lesionKey: string;
  timepointId: string;
  date: string;
  signalId: string;
  value: number | null;
}

export interface LesionGrowth {
  lesionKey: string;
  label: string;
  intervals: GrowthInterval[];
}

/**
 * Tracked lesions only: growth needs the same lesion at two dates. A track observed as
 * absent counts as volume 0, so vanishing shows as an interval with the zero-volume note.
 */
export function lesionGrowth(
  lesions: LesionIdentity[], values: VolumePoint[], presence: TrackPresence[],
): LesionGrowth[] {
  return lesions.filter((l) => l.tracked).map((lesion) => {
    const byDate = new Map<string, number>();
    for (const p of presence) {
      if (p.trackId === lesion.key && !p.present) byDate.set(p.date, 0);
    }
    for (const v of values) {
      if (v.lesionKey === lesion.key && v.signalId === 'volume' && v.value !== null) {
        byDate.set(v.date, v.value);
      }
    }
    const volumes = [...byDate].sort(([a], [b]) => a.localeCompare(b))
      .map(([date, volumeMl]) => ({ date, volumeMl }));

    return { lesionKey: lesion.key, label: lesion.label, intervals: growthSignals(volumes) };
  });
}

export function newLesionsPerTimepoint(
  points: { id: string; date: string }[], presence: TrackPresence[],
) {
  return newLesionCounts(points.map((p) => ({
    date: p.date,
    lesionIds: presence.filter((o) => o.timepointId === p.id && o.present).map((o) => o.trackId),
  })));
}
