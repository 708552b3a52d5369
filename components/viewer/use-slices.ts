'use client';

import { useEffect, useRef, useState } from 'react';

import type { ViewerPixelType } from '@/lib/viewer/pixels';
import { typedSlice } from '@/lib/viewer/pixels';

/** Keeps this many slices around: scrolling back and forth must not refetch. */
const CACHE_SLICES = 64;
/** Slices this close to the one shown keep loading when the user scrolls on. */
const KEEP_NEAR = 3;
/** Neighbours are fetched once the slice shown has arrived, not while scrolling fast. */
const PREFETCH = [1, -1, 2];

interface Entry {
  promise: Promise<ArrayLike<number>>;
  abort: AbortController;
  done: boolean;
}

/**
 * Loads slice k of a series, then its neighbours, keeping recent slices in a small
 * cache keyed by the volume (so a re-assembled series never shows stale data). When
 * the user scrolls quickly, requests for slices left behind are cancelled, so the
 * server is never busy with slices nobody will see.
 */
export function useSlice(
  seriesId: string,
  volumeId: string,
  pixelType: ViewerPixelType,
  k: number,
) {
  const cache = useRef(new Map<string, Entry>());
  const [slice, setSlice] = useState<{ k: number; pixels: ArrayLike<number> } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const keyOf = (index: number) => `${volumeId}/${index}`;
    cancelFarRequests(cache.current, volumeId, k);
    const load = (index: number) => {
      const key = keyOf(index);
      const cached = cache.current.get(key);
      if (cached) return cached.promise;

      const abort = new AbortController();
      const entry: Entry = { abort, done: false, promise: Promise.resolve([]) };
      entry.promise = fetchSlice(seriesId, index, pixelType, abort.signal).finally(() => {
        entry.done = true;
      });
      entry.promise.catch(() => cache.current.delete(key));
      cache.current.set(key, entry);
      evictOldest(cache.current);

      return entry.promise;
    };
    load(k).then(
      (pixels) => {
        if (!live) return;
        setSlice({ k, pixels });
        setError(null);
        for (const d of PREFETCH) if (k + d >= 0) void load(k + d).catch(() => undefined);
      },
      (err: unknown) => {
        if (live && !(err instanceof DOMException && err.name === 'AbortError')) {
          setError(err instanceof Error ? err.message : String(err));
        }
      },
    );

    return () => {
      live = false;
    };
  }, [seriesId, volumeId, pixelType, k]);

  return { slice, error };
}

function cancelFarRequests(cache: Map<string, Entry>, volumeId: string, k: number): void {
  for (const [key, entry] of cache) {
    const index = Number(key.slice(volumeId.length + 1));
    if (entry.done || (key.startsWith(volumeId) && Math.abs(index - k) <= KEEP_NEAR)) continue;
    entry.abort.abort();
    cache.delete(key);
  }
}

function evictOldest(cache: Map<string, Entry>): void {
  if (cache.size <= CACHE_SLICES) return;
  const oldest = cache.keys().next().value;
  if (oldest) cache.delete(oldest);
}

async function fetchSlice(
  seriesId: string,
  k: number,
  pixelType: ViewerPixelType,
  signal: AbortSignal,
) {
  const res = await fetch(`/api/series/${seriesId}/slices/${k}`, { signal });
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
