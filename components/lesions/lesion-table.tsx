'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { reviewList, type ReviewItem } from '@/lib/review-list';
import { useTRPC } from '@/lib/trpc';

import { LesionCell } from './lesion-cell';
import { ReviewQueue } from './review-queue';
import { registrationTitle, type RegistrationView } from './registration-title';
import { ReviewPanel } from './review-panel';
import { TrackButton } from './track-button';

const REGISTRATION_TONE: Record<string, string> = {
  baseline: 'ok',
  ok: 'ok',
  failed: 'bad',
  'not-run': '',
};

interface Selection {
  id: string;
  trackId: string;
  label: string;
  hasMask: boolean;
  isOutline: boolean;
}

/** One row per tracked lesion, one column per timepoint. */
export function LesionTable({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const table = useQuery(trpc.tracking.table.queryOptions({ patientId }));
  // The same query the track button polls, read here from the shared cache.
  const job = useQuery(trpc.tracking.status.queryOptions({ patientId })).data?.state;
  const tracking = job === 'queued' || job === 'running';
  const [selected, setSelected] = useState<Selection | null>(null);

  if (table.error) return <ErrorBox error={table.error} />;
  if (!table.data) return <p className="muted">Loading lesions...</p>;
  const { timepoints, lesions } = table.data;
  const baselineIndex = timepoints.findIndex((t) => t.registration.status === 'baseline');
  const toReview = reviewList(lesions, baselineIndex);
  const choose = (item: ReviewItem) => setSelected(selectionOf(item.trackId, item.label,
    item.cell));

  return (
    <>
      <p className="small">
        <Link href="/">Patients</Link> /{' '}
        <Link href={`/patients/${encodeURIComponent(patientId)}`}>{patientId}</Link> /
      </p>
      <h1>Lesions of {patientId}</h1>
      <TrackButton patientId={patientId} />
      {lesions.length > 0 && (
        <ReviewQueue items={toReview} selectedId={selected?.id ?? null} onSelect={choose} />
      )}
      {lesions.length === 0 ? (
        <p className="muted">
          {tracking ? 'The lesion table appears here when tracking ends.'
            : 'No tracked lesions yet: track the lesions to build this table.'}
        </p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>Lesion</th>
              {timepoints.map((t) => (
                <th key={t.id} title={registrationTitle(t.registration, 'the baseline CT')}>
                  T{t.index} {t.studyDate}{' '}
                  <span className={`badge ${REGISTRATION_TONE[t.registration.status] ?? ''}`}>
                    {t.registration.status === 'failed' ? 'unregistered' : t.registration.status}
                  </span>
                  <SeriesRegistrations series={t.registration.series} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lesions.map((lesion) => (
              <tr key={lesion.id}>
                <td>
                  <Link href={lesionHref(patientId, lesion.id)}>{lesion.label}</Link>{' '}
                  <span className="badge">{lesion.status}</span>
                </td>
                {timepoints.map((t) => {
                  const o = lesion.observations.find((x) => x.timepoint === t.index);

                  return (
                    <LesionCell
                      key={t.id}
                      observation={o}
                      isFirst={o === lesion.observations[0]}
                      isAfterBaseline={t.index > baselineIndex}
                      selected={o !== undefined && selected?.id === o.id}
                      onSelect={() => o && setSelected(selectionOf(lesion.id, lesion.label, o))}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <ReviewPanel
          patientId={patientId}
          observationId={selected.id}
          trackId={selected.trackId}
          trackLabel={selected.label}
          hasMask={selected.hasMask}
          isOutline={selected.isOutline}
          tracks={lesions}
          onDone={() => setSelected(null)}
        />
      )}
    </>
  );
}

function selectionOf(
  trackId: string, label: string, o: { id: string; segmentMaskId: string | null; source: string },
): Selection {
  return { id: o.id, trackId, label, hasMask: o.segmentMaskId !== null,
    isOutline: o.source === 'threshold' };
}

function lesionHref(patientId: string, trackId: string): string {
  return `/patients/${encodeURIComponent(patientId)}/lesions/${trackId}`;
}

/**
 * Series in a frame of their own (an MR from another scanner) and how they were brought
 * onto the CT; a failed one is read as if its frame were the CT's, which the reader must
 * know before trusting its values.
 */
function SeriesRegistrations({ series }: {
  series: (RegistrationView & { seriesId: string; modality: string;
    description: string | null })[];
}) {
  return series.map((s) => (
    <span key={s.seriesId} className={`badge ${s.status === 'ok' ? 'ok' : 'bad'}`}
      title={`${s.description ?? s.modality}: ${registrationTitle(s, 'this timepoint\'s CT')}`}>
      {s.modality} {s.status === 'ok' ? 'registered' : 'unregistered'}
    </span>
  ));
}
