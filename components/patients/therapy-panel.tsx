'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';

interface TherapyLine {
  id: string;
  agent: string;
  line: number;
  startDate: string;
  endDate: string | null;
}

export function TherapyPanel({
  patientId,
  therapy,
}: {
  patientId: string;
  therapy: TherapyLine[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.patients.pathKey() });
  const importer = useMutation(trpc.patients.importTherapy.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.patients.deleteTherapy.mutationOptions({ onSuccess: refresh }));

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
    importer.mutate({ text: await file.text(), format });
  };

  return (
    <div className="panel">
      <h2 style={{ marginTop: 0 }}>Therapy</h2>
      {importer.error && <ErrorBox error={importer.error} />}
      {remove.error && <ErrorBox error={remove.error} />}
      {importer.data && (
        <p className="muted">
          Imported {importer.data.added} lines ({importer.data.unchanged} already present).
        </p>
      )}
      {therapy.length === 0 && <p className="muted">No therapy recorded for {patientId}.</p>}
      {therapy.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>Line</th>
              <th>Agent</th>
              <th>Start</th>
              <th>End</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {therapy.map((t) => (
              <TherapyRow
                key={t.id}
                line={t}
                onChanged={refresh}
                onDelete={() => remove.mutate({ id: t.id })}
              />
            ))}
          </tbody>
        </table>
      )}
      <p className="row small" style={{ marginTop: 12 }}>
        <label>
          Import therapy lines (CSV or JSON: patient_id, agent, line, start, end, arm){' '}
          <input
            type="file"
            accept=".csv,.json"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
      </p>
    </div>
  );
}

function TherapyRow(props: { line: TherapyLine; onChanged: () => void; onDelete: () => void }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<TherapyLine | null>(null);
  const update = useMutation(
    trpc.patients.updateTherapy.mutationOptions({
      onSuccess: () => {
        setDraft(null);
        props.onChanged();
      },
    }),
  );
  const t = props.line;
  if (!draft) {
    return (
      <tr>
        <td>{t.line}</td>
        <td>{t.agent}</td>
        <td>{t.startDate}</td>
        <td>{t.endDate ?? <span className="muted">ongoing</span>}</td>
        <td className="row">
          <button className="secondary" onClick={() => setDraft(t)}>
            Edit
          </button>
          <button className="secondary" onClick={props.onDelete}>
            Delete
          </button>
        </td>
      </tr>
    );
  }

  return (
    <tr>
      <td>
        <input
          aria-label="Line"
          type="number"
          min={1}
          value={draft.line}
          style={{ width: 60 }}
          onChange={(e) => setDraft({ ...draft, line: Number(e.target.value) })}
        />
      </td>
      <td>
        <input
          aria-label="Agent"
          value={draft.agent}
          onChange={(e) => setDraft({ ...draft, agent: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label="Start"
          type="date"
          value={draft.startDate}
          onChange={(e) => setDraft({ ...draft, startDate: e.target.value })}
        />
      </td>
      <td>
        <input
          aria-label="End"
          type="date"
          value={draft.endDate ?? ''}
          onChange={(e) => setDraft({ ...draft, endDate: e.target.value || null })}
        />
      </td>
      <td>
        {update.error && <ErrorBox error={update.error} />}
        <div className="row">
          <button onClick={() => update.mutate(draft)}>Save</button>
          <button className="secondary" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      </td>
    </tr>
  );
}
