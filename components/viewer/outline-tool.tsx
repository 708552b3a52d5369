'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

import { ClickToolButton } from './click-tool-button';
import { useMasks } from './use-slices';

/**
 * The "Outline lesion here" mode of the PET viewer: while it is on, a click on the image
 * segments the lesion under the pointer by threshold and stores it as an outline, which
 * tracking matches to its lesion. Every stored outline of the series is drawn and listed.
 */
export function useOutlineTool(seriesId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [active, setActive] = useState(false);
  const stored = useQuery(trpc.tracking.outlines.queryOptions({ seriesId }));
  const outline = useMutation(trpc.tracking.outlineThreshold.mutationOptions({
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.tracking.outlines.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.tracking.table.pathKey() });
    },
  }));
  const maskIds = useMemo(() => (stored.data ?? [])
    .flatMap((o) => (o.maskId ? [{ id: o.maskId }] : [])), [stored.data]);
  const loaded = useMasks(seriesId, maskIds);
  const outlines = maskIds.flatMap((m) => (loaded[m.id] ? [{ id: m.id, ...loaded[m.id]! }] : []));
  const pick = (i: number, j: number, k: number) => {
    if (active && !outline.isPending) outline.mutate({ seriesId, seed: [i, j, k] });
  };

  return {
    active, setActive: (on: boolean) => setActive(on), outlines, stored: stored.data ?? [], pick,
    outline,
  };
}

export function OutlineControls({ tool }: { tool: ReturnType<typeof useOutlineTool> }) {
  const last = tool.outline.data;

  return (
    <div style={{ margin: '10px 0' }}>
      <ClickToolButton label="Outline lesion here" active={tool.active}
        onToggle={tool.setActive} instruction="Click inside a hot lesion to outline it." />
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
