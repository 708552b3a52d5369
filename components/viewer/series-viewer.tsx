'use client';

import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useMemo, useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { OutlineList } from '@/components/lesions/outline-list';
import type { AppRouter } from '@/server/api/root';
import { useTRPC } from '@/lib/trpc';
import type { WindowLevel } from '@/lib/viewer/display';
import { CT_PRESETS } from '@/lib/viewer/display';

import { LiverControls, useLiverTool } from './liver-tool';
import { OutlineControls, useOutlineTool } from './outline-tool';
import { SliceCanvas } from './slice-canvas';
import { useMasks, useSlice } from './use-slices';

export function SeriesViewer({ seriesId }: { seriesId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.series.detail.queryOptions({ id: seriesId }));
  if (detail.error) return <ErrorBox error={detail.error} />;
  if (!detail.data) return <p className="muted">Loading series...</p>;
  const s = detail.data;
  if (!s.volume) return <p className="muted">This series has no image volume to show.</p>;

  return <Viewer series={s} volume={s.volume} />;
}

type Detail = inferRouterOutputs<AppRouter>['series']['detail'];

function Viewer({ series, volume }: { series: Detail; volume: NonNullable<Detail['volume']> }) {
  const [k, setK] = useState(Math.floor(volume.size[2] / 2));
  const isPet = series.modality === 'PT';
  const suvFactor = isPet && series.suv?.available ? (series.suv.suvBwFactor ?? null) : null;
  const [wl, setWl] = useState<WindowLevel>(() =>
    initialWindow(series.modality, volume, suvFactor),
  );
  const { slice, error } = useSlice(series.id, volume.id, volume.pixelType, k);
  const masks = useMasks(series.id, series.masks);
  const tool = useOutlineTool(series.id);
  const liver = useLiverTool({
    patientId: series.patientId,
    timepointId: series.timepointId,
    grid: volume,
    enabled: suvFactor !== null && series.tracer === 'FDG',
  });
  // One click tool at a time: switching one on switches the other off.
  const outlineTool = { ...tool, setActive: (on: boolean) => {
    tool.setActive(on);
    if (on) liver.setActive(false);
  } };
  const liverTool = { ...liver, setActive: (on: boolean) => {
    liver.setActive(on);
    if (on) tool.setActive(false);
  } };
  const [cursor, setCursor] = useState<{ i: number; j: number; value: number } | null>(null);
  const unit = series.modality === 'CT' ? 'HU' : suvFactor ? 'SUV' : '';
  const scale = suvFactor ?? 1;
  const nz = volume.size[2];
  const step = (d: number) => setK((v) => Math.min(nz - 1, Math.max(0, v + d)));

  return (
    <>
      <p className="small">
        <Link href="/">Patients</Link> /{' '}
        <Link href={`/patients/${encodeURIComponent(series.patientId)}`}>{series.patientId}</Link> /
      </p>
      <h1>
        {series.description ?? series.seriesType}{' '}
        <span className="muted small">{series.studyDate}</span>
      </h1>
      {isPet && !suvFactor && (
        <p className="badge warn">
          SUV unavailable: {series.suv?.reason ?? 'no SUV information'}. Values are shown as stored.
        </p>
      )}
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <div
          onWheel={(e) => step(e.deltaY > 0 ? 1 : -1)}
          onKeyDown={(e) =>
            e.key === 'ArrowUp' ? step(1) : e.key === 'ArrowDown' ? step(-1) : undefined
          }
          tabIndex={0}
          aria-label="Image"
        >
          {slice ? (
            <SliceCanvas
              pixels={slice.pixels}
              size={[volume.size[0], volume.size[1]]}
              spacing={[volume.spacingMm[0], volume.spacingMm[1]]}
              k={slice.k}
              scale={scale}
              window={wl}
              colour={isPet ? 'hot' : 'grey'}
              masks={series.masks
                .flatMap((m) => (masks[m.id] ? [{ id: m.id, ...masks[m.id]! }] : []))
                .concat(tool.outlines, liver.masks)}
              onHover={setCursor}
              onPick={suvFactor ? ({ i, j }) => (liver.active ? liver : tool).pick(i, j, slice.k)
                : undefined}
            />
          ) : (
            <div style={{ width: 512, height: 512 }} className="panel muted">
              Loading slice...
            </div>
          )}
          {error && <div className="error">{error}</div>}
        </div>
        <Controls
          modality={series.modality}
          k={k}
          nz={nz}
          setK={setK}
          wl={wl}
          setWl={setWl}
          unit={unit}
          cursor={cursor && { ...cursor, value: cursor.value * scale }}
          masks={series.masks}
          outlineTool={suvFactor ? (
            <>
              <OutlineControls tool={outlineTool} />
              <LiverControls tool={liverTool} />
            </>
          ) : null}
          outlineList={<OutlineList patientId={series.patientId} outlines={tool.stored} />}
        />
      </div>
    </>
  );
}

function initialWindow(
  modality: string,
  volume: { minValue: number; maxValue: number },
  suv: number | null,
) {
  if (modality === 'CT') return CT_PRESETS['Soft tissue'] as WindowLevel;
  // PET: 0 to SUV 6 shows tumour against liver and blood pool without saturating much.
  if (suv) return { center: 3, width: 6 };
  const low = volume.minValue;

  return { center: (low + volume.maxValue) / 2, width: Math.max(volume.maxValue - low, 1e-6) };
}

function Controls(props: {
  modality: string;
  k: number;
  nz: number;
  setK: (k: number) => void;
  wl: WindowLevel;
  setWl: (wl: WindowLevel) => void;
  unit: string;
  cursor: { i: number; j: number; value: number } | null;
  masks: { id: string; label: string; voxelCount: number }[];
  outlineTool: React.ReactNode;
  outlineList: React.ReactNode;
}) {
  const { wl, setWl } = props;
  const digits = props.unit === 'HU' ? 0 : 2;
  const presets = useMemo(() => Object.entries(CT_PRESETS), []);

  return (
    <div className="panel" style={{ minWidth: 280 }}>
      <label className="row">
        Slice {props.k + 1} / {props.nz}
        <input
          aria-label="Slice"
          type="range"
          min={0}
          max={props.nz - 1}
          value={props.k}
          onChange={(e) => props.setK(Number(e.target.value))}
        />
      </label>
      {props.modality === 'CT' && (
        <div className="row" style={{ margin: '10px 0' }}>
          {presets.map(([name, preset]) => (
            <button key={name} className="secondary small" onClick={() => setWl(preset)}>
              {name}
            </button>
          ))}
        </div>
      )}
      <div className="row small">
        <label>
          Level{' '}
          <input
            aria-label="Level"
            type="number"
            value={wl.center}
            style={{ width: 80 }}
            onChange={(e) => setWl({ ...wl, center: Number(e.target.value) })}
          />
        </label>
        <label>
          Width{' '}
          <input
            aria-label="Width"
            type="number"
            value={wl.width}
            style={{ width: 80 }}
            onChange={(e) => setWl({ ...wl, width: Math.max(Number(e.target.value), 1e-6) })}
          />
        </label>
        <span className="muted">{props.unit}</span>
      </div>
      {props.outlineTool}
      <p data-testid="pixel-value" style={{ minHeight: 20 }}>
        {props.cursor ? (
          `(${props.cursor.i}, ${props.cursor.j}, ${props.k}): ` +
          `${props.cursor.value.toFixed(digits)} ${props.unit}`
        ) : (
          <span className="muted">Point at the image for its value.</span>
        )}
      </p>
      {props.masks.length > 0 && (
        <>
          <h2>Segments</h2>
          <ul className="small">
            {props.masks.map((m) => (
              <li key={m.id}>
                {m.label} <span className="muted">({m.voxelCount} voxels)</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.outlineList}
    </div>
  );
}
