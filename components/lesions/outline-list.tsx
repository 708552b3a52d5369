'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';

import { ErrorBox } from '@/components/error-box';
import type { AppRouter } from '@/server/api/root';
import { useTRPC } from '@/lib/trpc';

type Outline = inferRouterOutputs<AppRouter>['tracking']['outlines'][number];

/** The threshold outlines drawn on one PET series, each with the lesion it belongs to. */
export function OutlineList(props: { patientId: string; outlines: Outline[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.tracking.deleteOutline.mutationOptions({
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.tracking.outlines.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.tracking.table.pathKey() });
    },
  }));
  if (props.outlines.length === 0) return null;

  return (
    <>
      <h2>Outlines</h2>
      {remove.error && <ErrorBox error={remove.error} />}
      <table className="grid small" aria-label="Threshold outlines">
        <thead>
          <tr>
            <th>Lesion</th>
            <th>Method</th>
            <th>Size</th>
            <th>Outlined</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.outlines.map((o) => (
            <tr key={o.id}>
              <td>
                <LesionLink patientId={props.patientId} outline={o} />
              </td>
              <td>
                {o.method} (SUV ≥ {o.thresholdSuv.toFixed(2)})
                {o.reachedBound && <span className="badge warn">cut off</span>}
              </td>
              <td>
                {o.voxelCount} voxels, {o.volumeMl.toFixed(2)} ml
              </td>
              <td>
                {o.outlinedBy}, {new Date(o.createdAt).toLocaleString()}
              </td>
              <td>
                <button
                  className="secondary small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ outlineId: o.id })}
                >
                  Delete outline
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const DUPLICATE_HINT = 'A segment of this timepoint holds the same lesion; delete the outline.';

function LesionLink({ patientId, outline }: { patientId: string; outline: Outline }) {
  const lesionHref = (trackId: string) =>
    `/patients/${encodeURIComponent(patientId)}/lesions/${trackId}`;
  const duplicate = outline.duplicateOf;
  if (duplicate) {
    // The SEG came after the outline: the segment is the lesion, the outline is set aside.
    return (
      <span>
        duplicates{' '}
        {duplicate.trackId && duplicate.lesionLabel
          ? <Link href={lesionHref(duplicate.trackId)}>{duplicate.lesionLabel}</Link>
          : `segment "${duplicate.segmentLabel}"`}
        <span className="badge warn" title={DUPLICATE_HINT}>not used</span>
      </span>
    );
  }
  if (!outline.trackId || !outline.lesionLabel) return <span className="muted">not matched</span>;

  return <Link href={lesionHref(outline.trackId)}>{outline.lesionLabel}</Link>;
}
