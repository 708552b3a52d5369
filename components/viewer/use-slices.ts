'use client';

import { useEffect, useRef, useState } from 'react';

import type { ViewerPixelType } from '@/lib/viewer/pixels';
import { typedSlice } from '@/lib/viewer/pixels';

/** Keeps this many slices around: scrolling back and forth must not refetch. */
const CACHE_SLICES = 64;

/**
 * Loads slice k of a series (and prefetches its neighbours), keeping recent slices in
 * a small cache keyed by the volume, so a re-assembled series never shows stale data.
 */
export function useSlice(
  seriesId: string,
  volumeId: string,
  pixelType: ViewerPixelType,
  k: number,
) {
  const cache = useRef(new Map<string, Promise<ArrayLike<number>>>());
  const [slice, setSlice] = useState<{ k: number; pixels: ArrayLike<number> } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = (index: number) => {
      const key = `${volumeId}/${index}`;
      let entry = cache.current.get(key);
      if (!entry) {
        entry = fetchSlice(seriesId, index, pixelType);
        cache.current.set(key, entry);
        entry.catch(() => cache.current.delete(key));
        if (cache.current.size > CACHE_SLICES) {
          const oldest = cache.current.keys().next().value;
          if (oldest) cache.current.delete(oldest);
        }
      }

      return entry;
    };
    load(k).then(
      (pixels) => live && (setSlice({ k, pixels }), setError(null)),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    for (const next of [k + 1, k - 1, k + 2]) if (next >= 0) void load(next).catch(() => undefined);

    return () => {
      live = false;
    };
  }, [seriesId, volumeId, pixelType, k]);

  return { slice, error };
}

async function fetchSlice(seriesId: string, k: number, pixelType: ViewerPixelType) {
  const res = await fetch(`/api/series/${seriesId}/slices/${k}`);
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Slice ${k} could not be loaded (${res.status}).`);
  }

  return typedSlice(await res.arrayBuffer(), pixelType);
}

/** The cropped masks to outline on a series, each carried onto its grid by the server. */
export function useMasks(seriesId: string, masks: { id: string }[]) {
  const [loaded, setLoaded] = useState<Record<string, { bbox: number[]; data: Uint8Array }>>({});
  useEffect(() => {
    let live = true;
    for (const m of masks) {
      void fetch(`/api/masks/${m.id}?on=${seriesId}`)
        .then(async (r) => {
          if (!r.ok) throw new Error(String(r.status));
          const bbox = (r.headers.get('x-bbox') ?? '').split(',').map(Number);

          return { bbox, data: new Uint8Array(await r.arrayBuffer()) };
        })
        .then((mask) => live && setLoaded((prev) => ({ ...prev, [m.id]: mask })))
        .catch(() => undefined);
    }

    return () => {
      live = false;
    };
  }, [seriesId, masks]);

  return loaded;
}
