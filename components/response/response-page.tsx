'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { PERCIST_REFERENCE_PCT, RECIST_REFERENCE_PCT, spiderPlot } from '@/lib/spider-plot';
import { useTRPC } from '@/lib/trpc';

import { ResponseTable } from './response-table';
import { SpiderChart } from './spider-chart';
import type { PatientResponseData } from './types';

const CRITERIA = [
  { value: 'recist1.1', label: 'RECIST 1.1' },
  { value: 'irecist', label: 'iRECIST' },
  { value: 'percist1.0', label: 'PERCIST 1.0' },
] as const;

type Criteria = (typeof CRITERIA)[number]['value'];

function plotOf(data: PatientResponseData) {
  const dates = data.timepoints.map((t) => t.date);
  const lesions = (data.result.lesions ?? []).map((l) => ({
    id: l.id, values: dates.map((d) => l.points.find((p) => p.date === d)?.value),
  }));
  const percist = data.criteria === 'percist1.0';
  const sums = percist ? undefined : data.result.timepoints.map((p) => p.sumMm);

  return spiderPlot({ dates, lesions, sums,
    referencePct: percist ? PERCIST_REFERENCE_PCT : RECIST_REFERENCE_PCT });
}

/** Lines of the best-response trace that say a response or progression awaits confirmation. */
function pending(data: PatientResponseData): string[] {
  return data.result.bestOverallTrace.filter((l) => /not confirmed|unconfirmed/.test(l));
}

export function ResponsePage({ patientId }: { patientId: string }) {
  const trpc = useTRPC();
  const [criteria, setCriteria] = useState<Criteria>('recist1.1');
  const query = useQuery(trpc.response.assess.queryOptions({ patientId, criteria }));
  const data = query.data;

  return (
    <>
      <p className="small">
        <Link href="/">Patients</Link> /{' '}
        <Link href={`/patients/${encodeURIComponent(patientId)}`}>{patientId}</Link> /
      </p>
      <h1>Response of {patientId}</h1>
      <div className="row" role="radiogroup" aria-label="criteria">
        {CRITERIA.map((c) => (
          <button key={c.value} className={c.value === criteria ? '' : 'secondary'}
            aria-pressed={c.value === criteria} onClick={() => setCriteria(c.value)}>
            {c.label}
          </button>
        ))}
      </div>
      {query.error && <ErrorBox error={query.error} />}
      {!data && !query.error && <p className="muted">Assessing response...</p>}
      {data && (
        <>
          <p title={data.result.bestOverallTrace.join('\n')}>
            Best overall response: <strong>{data.result.bestOverallResponse}</strong>
          </p>
          {data.notEvaluable && <p className="error">Not evaluable: {data.notEvaluable}</p>}
          {pending(data).map((line) => (
            <p key={line} className="small"><span className="badge warn">pending</span>{line}</p>
          ))}
          <ResponseTable data={data} />
          <p className="small muted" title={data.suggestion.trace.join('\n')}>
            Suggested targets: {data.suggestion.targets.join(', ') || 'none'} (hover for why)
          </p>
          <SpiderChart plot={plotOf(data)} />
        </>
      )}
    </>
  );
}
