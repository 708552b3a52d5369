'use client';

import { useMemo } from 'react';

import { SliceCanvas } from '@/components/viewer/slice-canvas';
import { useMasks, useSlice } from '@/components/viewer/use-slices';
import type { Badge } from '@/lib/cell-badges';
import { CT_PRESETS } from '@/lib/viewer/display';
import type { PanelCt } from '@/server/lesions/read-lesion-panels';

// Known shortcoming: the window is fixed at soft tissue; lung lesions need the lung preset.
const SOFT_TISSUE = CT_PRESETS['Soft tissue'] ?? { center: 40, width: 400 };

/**
 * One timepoint's CT slice through the lesion with its outline. Wheel scrolls the shared
 * offset, so every panel moves by the same number of slices.
 */
export function LesionSlicePanel({
  title, warning, source, ct, k, maskId, onScroll,
}: {
  title: string;
  /** Said beside the title when this timepoint could not be aligned to the baseline. */
  warning: string | null;
  /** Where the outlined mask came from when not the timepoint's SEG (propagated, PET). */
  source?: Badge;
  ct: PanelCt;
  k: number;
  maskId: string | null;
  onScroll: (deltaSlices: number) => void;
}) {
  const { slice, error } = useSlice(ct.seriesId, ct.volumeId, ct.pixelType, k);
  const wanted = useMemo(() => (maskId ? [{ id: maskId }] : []), [maskId]);
  const loaded = useMasks(ct.seriesId, wanted);
  const masks = useMemo(
    () => (maskId && loaded[maskId] ? [{ id: maskId, ...loaded[maskId] }] : []),
    [maskId, loaded],
  );

  return (
    // Known shortcoming: React's wheel listener is passive, so the page scrolls as well.
    <div className="panel" onWheel={(e) => onScroll(Math.sign(e.deltaY))}>
      <div className="small">
        {title} · slice {k + 1} / {ct.size[2]}
        {warning && <> <span className="badge bad" title={warning}>unregistered</span></>}
        {source && <> <span className={`badge ${source.tone}`}>{source.text}</span></>}
      </div>
      {error && <p className="badge bad">{error}</p>}
      {slice ? (
        <SliceCanvas pixels={slice.pixels} size={[ct.size[0], ct.size[1]]}
          spacing={[ct.spacingMm[0], ct.spacingMm[1]]} k={slice.k} scale={1}
          window={SOFT_TISSUE} colour="grey" masks={masks} onHover={() => undefined} />
      ) : (
        <p className="muted">Loading slice...</p>
      )}
    </div>
  );
}
