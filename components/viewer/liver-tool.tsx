'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { sphereMask, voxelToLps, type VoxelGrid } from '@/lib/viewer/sphere-mask';
import { useTRPC } from '@/lib/trpc';

import { ClickToolButton } from './click-tool-button';
import type { CanvasMask } from './slice-canvas';

/**
 * "Place liver sphere here" on an FDG PET: shows the PERCIST liver reference sphere of
 * this timepoint as an outline and, while the mode is on, moves it to the clicked voxel.
 * The sphere is measured again on the server at once, as when its centre is typed in on
 * the signals page.
 */
export function useLiverTool(args: {
  patientId: string;
  timepointId: string | null;
  grid: VoxelGrid;
  enabled: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [active, setActive] = useState(false);
  const on = args.enabled && args.timepointId !== null;
  const doc = useQuery({
    ...trpc.signals.dashboard.queryOptions({ patientId: args.patientId }),
    enabled: on,
  });
  const settings = useQuery({ ...trpc.signals.settings.queryOptions(), enabled: on });
  const place = useMutation(trpc.signals.placeLiver.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries(trpc.signals.dashboard.queryFilter()),
  }));

  const reference = doc.data?.references.find((r) =>
    r.kind === 'liver' && r.timepointId === args.timepointId);
  const radiusMm = settings.data?.liverSphereRadiusMm ?? null;
  const sphere = reference?.centreMm && radiusMm
    ? sphereMask(args.grid, reference.centreMm, radiusMm)
    : null;
  const masks: CanvasMask[] = sphere ? [{ id: 'liver-sphere', ...sphere }] : [];

  const pick = (i: number, j: number, k: number) => {
    if (!active || !args.timepointId || place.isPending) return;
    const centreMm = voxelToLps(args.grid, [i, j, k]);
    place.mutate({ timepointId: args.timepointId, centreMm });
  };

  return { on, active, setActive: (v: boolean) => setActive(v), pick, place, reference, masks };
}

export function LiverControls({ tool }: { tool: ReturnType<typeof useLiverTool> }) {
  if (!tool.on) return null;
  const r = tool.reference;

  return (
    <div style={{ margin: '10px 0' }}>
      <ClickToolButton label="Place liver sphere here" active={tool.active}
        onToggle={tool.setActive}
        instruction="Click inside the right liver lobe, away from lesions." />
      {tool.place.isPending && <p className="small muted">Measuring the liver sphere...</p>}
      {tool.place.error && <ErrorBox error={tool.place.error} />}
      {r && (
        <p className="small" data-testid="liver-sphere">
          Liver sphere {r.placement === 'user' ? 'placed by hand' : 'placed automatically'}
          {r.sulMean !== null && `: SUL ${r.sulMean.toFixed(2)}`}
          {r.sulSd !== null && ` ± ${r.sulSd.toFixed(2)}`}
        </p>
      )}
    </div>
  );
}
