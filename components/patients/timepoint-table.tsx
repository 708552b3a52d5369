'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';

import type { inferRouterOutputs } from '@trpc/server';

import { ErrorBox } from '@/components/error-box';
import type { AppRouter } from '@/server/api/root';
import { useTRPC } from '@/lib/trpc';
import { SERIES_TYPES } from '@/lib/series-types';

type Point = inferRouterOutputs<AppRouter>['patients']['detail']['timepoints'][number];
type Series = Point['series'][number];

export function TimepointTable({
  patientId,
  timepoints,
}: {
  patientId: string;
  timepoints: Point[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.patients.detail.queryKey({ patientId }) });
  const baseline = useMutation(trpc.patients.setBaseline.mutationOptions({ onSuccess: refresh }));
  const setType = useMutation(trpc.series.setType.mutationOptions({ onSuccess: refresh }));
  const setPhase = useMutation(
    trpc.series.setContrastPhase.mutationOptions({ onSuccess: refresh }),
  );

  return (
    <>
      {baseline.error && <ErrorBox error={baseline.error} />}
      {setType.error && <ErrorBox error={setType.error} />}
      {setPhase.error && <ErrorBox error={setPhase.error} />}
      <table className="grid">
        <thead>
          <tr>
            <th>Timepoint</th>
            <th>Date</th>
            <th>Series</th>
          </tr>
        </thead>
        <tbody>
          {timepoints.map((t) => (
            <tr key={t.id}>
              <td>
                T{t.index}{' '}
                {t.isBaseline ? (
                  <span className="badge ok">
                    baseline{t.baselineSource === 'user' ? ' (set by user)' : ''}
                  </span>
                ) : (
                  <button
                    className="secondary small"
                    onClick={() => baseline.mutate({ timepointId: t.id })}
                  >
                    Make baseline
                  </button>
                )}
              </td>
              <td>{t.date}</td>
              <td>
                {t.series.map((s) => (
                  <SeriesLine
                    key={s.id}
                    s={s}
                    onType={(v) => setType.mutate({ id: s.id, seriesType: v })}
                    onPhase={(phase) => setPhase.mutate({ id: s.id, phase })}
                  />
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

type Phase = 'enhanced' | 'unenhanced' | null;

function SeriesLine({
  s,
  onType,
  onPhase,
}: {
  s: Series;
  onType: (v: (typeof SERIES_TYPES)[number]) => void;
  onPhase: (phase: Phase) => void;
}) {
  return (
    <div className="row" style={{ marginBottom: 4 }}>
      {s.seriesType === 'SEG' || s.seriesType === 'RTSTRUCT' ? (
        <span>{s.description ?? 'Segmentation'}</span>
      ) : (
        <Link href={`/series/${s.id}`}>{s.description ?? s.seriesType}</Link>
      )}
      <span className="badge">
        {s.modality}
        {s.tracer ? ` ${s.tracer}` : ''}
      </span>
      <span className="muted small">{s.instanceCount} files</span>
      {s.suv && !s.suv.available && (
        <span className="badge warn" title={s.suv.reason}>
          SUV unavailable: {s.suv.reason}
        </span>
      )}
      <select
        aria-label="Series type"
        className="small"
        value={s.seriesType}
        onChange={(e) => onType(e.target.value as (typeof SERIES_TYPES)[number])}
      >
        {SERIES_TYPES.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      {s.seriesTypeSource === 'user' && <span className="badge">type set by user</span>}
      {s.modality === 'CT' && <PhaseSelect s={s} onPhase={onPhase} />}
    </div>
  );
}

/** CT enhancement pairs an enhanced and an unenhanced CT of one timepoint by this. */
function PhaseSelect({ s, onPhase }: { s: Series; onPhase: (phase: Phase) => void }) {
  return (
    <>
      <select
        aria-label="Contrast phase"
        className="small"
        value={s.contrastPhase ?? ''}
        onChange={(e) => onPhase((e.target.value || null) as Phase)}
      >
        <option value="">phase unknown</option>
        <option value="enhanced">contrast-enhanced</option>
        <option value="unenhanced">unenhanced</option>
      </select>
      {s.contrastPhaseSource === 'user' && <span className="badge">phase set by user</span>}
    </>
  );
}
