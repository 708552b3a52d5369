'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

const AXES = ['x', 'y', 'z'] as const;

function parseCentre(texts: string[]): [number, number, number] | null {
  const mm = texts.map((t) => (t.trim() === '' ? NaN : Number(t)));

  return mm.length === 3 && mm.every(Number.isFinite) ? (mm as [number, number, number]) : null;
}

interface Props {
  timepointId: string;
  date: string | null;
  centreMm: number[] | null;
}

/**
 * Centre of the liver sphere in LPS millimetres, editable; the sphere is re-measured at
 * once on the server and the dashboard refetched. On the PET viewer the sphere is placed
 * by a click instead (components/viewer/liver-tool.tsx).
 */
export function LiverMove({ timepointId, date, centreMm }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState(AXES.map((_, n) => centreMm?.[n]?.toFixed(1) ?? ''));
  const place = useMutation(trpc.signals.placeLiver.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries(trpc.signals.dashboard.queryFilter()),
  }));
  const centre = parseCentre(texts);

  return (
    <div className="row small" style={{ gap: 4, flexWrap: 'wrap' }}>
      {AXES.map((axis, n) => (
        <input key={axis} type="number" step="any" style={{ width: 72 }}
          aria-label={`Liver sphere ${axis} (LPS mm) on ${date ?? 'this timepoint'}`}
          value={texts[n]} placeholder={axis}
          onChange={(e) => setTexts((t) => t.map((old, m) => (m === n ? e.target.value : old)))} />
      ))}
      <button className="secondary" disabled={!centre || place.isPending}
        onClick={() => centre && place.mutate({ timepointId, centreMm: centre })}>
        {place.isPending ? 'Measuring...' : 'Move sphere'}
      </button>
      {place.error && <ErrorBox error={place.error} />}
    </div>
  );
}
