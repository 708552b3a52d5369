'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

import type { CanvasMask } from './slice-canvas';

/**
 * The "Outline lesion here" mode of the PET viewer: while it is on, a click on the image
 * segments the lesion under the pointer by threshold and the result is outlined.
 * Known shortcomings: outlines are held in this page's state only, so they disappear on
 * reload until the series detail lists threshold masks; and each click starts a new
 * lesion, because the viewer offers no way to pick the existing lesion it belongs to.
 */
export function useOutlineTool(seriesId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [active, setActive] = useState(false);
  const [outlines, setOutlines] = useState<CanvasMask[]>([]);
  const outline = useMutation(trpc.tracking.outlineThreshold.mutationOptions({
    onSuccess: (r) => {
      setOutlines((old) => [...old, { id: r.observationId, bbox: r.bbox, data: bytesOf(r) }]);
      void queryClient.invalidateQueries({ queryKey: trpc.tracking.table.pathKey() });
    },
  }));
  const pick = (i: number, j: number, k: number) => {
    if (active && !outline.isPending) outline.mutate({ seriesId, seed: [i, j, k] });
  };

  return { active, setActive, outlines, pick, outline };
}

function bytesOf(r: { maskBase64: string }): Uint8Array {
  return Uint8Array.from(atob(r.maskBase64), (c) => c.charCodeAt(0));
}

export function OutlineControls({ tool }: { tool: ReturnType<typeof useOutlineTool> }) {
  const last = tool.outline.data;

  return (
    <div style={{ margin: '10px 0' }}>
      <button
        className={tool.active ? 'small' : 'secondary small'}
        aria-pressed={tool.active}
        onClick={() => tool.setActive(!tool.active)}
      >
        Outline lesion here
      </button>
      {tool.active && <p className="small muted">Click inside a hot lesion to outline it.</p>}
      {tool.outline.isPending && <p className="small muted">Outlining...</p>}
      {tool.outline.error && <ErrorBox error={tool.outline.error} />}
      {last && !tool.outline.isPending && (
        <p className="small" data-testid="threshold-outline">
          {last.voxelCount} voxels at SUV ≥ {last.thresholdSuv.toFixed(2)} ({last.method})
          {last.reachedBound && ' - cut off 50 mm from the click'}
        </p>
      )}
    </div>
  );
}
