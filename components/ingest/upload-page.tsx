'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import { ErrorBox } from '@/components/error-box';
import { useTRPC } from '@/lib/trpc';
import { uploadBatches } from '@/lib/upload-batches';

import type { PickedFile } from './collect-files';
import { filesFromDrop, filesFromInput } from './collect-files';
import { JobProgress } from './job-progress';

type FileState = 'queued' | 'sending' | 'sent' | 'failed';

export function UploadPage() {
  const trpc = useTRPC();
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [states, setStates] = useState<FileState[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const createUpload = useMutation(trpc.ingest.createUpload.mutationOptions());
  const start = useMutation(trpc.ingest.start.mutationOptions());
  const busy = createUpload.isPending || states.includes('sending') || start.isPending;

  const choose = (files: PickedFile[]) => {
    setPicked(files);
    setStates(files.map(() => 'queued'));
    setJobId(null);
    setError(null);
  };

  const send = async () => {
    setError(null);
    try {
      const { jobId: id } = await createUpload.mutateAsync();
      const indexed = picked.map((p, index) => ({ ...p, index }));
      for (const batch of uploadBatches(indexed)) {
        mark(setStates, batch, 'sending');
        await postBatch(id, batch).catch((err: unknown) => {
          mark(setStates, batch, 'failed');
          throw err;
        });
        mark(setStates, batch, 'sent');
      }
      await start.mutateAsync({ jobId: id });
      setJobId(id);
    } catch (err) {
      setError(err);
    }
  };

  const sent = states.filter((s) => s === 'sent').length;
  const totalMb = picked.reduce((a, p) => a + p.size, 0) / 1024 ** 2;

  return (
    <>
      <div
        className={`dropzone ${dragging ? 'active' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void filesFromDrop(e.dataTransfer.items).then(choose, setError);
        }}
      >
        <p>Drop a folder, DICOM files or a zip archive here, or</p>
        <div className="row" style={{ justifyContent: 'center' }}>
          <label className="badge">
            Choose files{' '}
            <input
              type="file"
              multiple
              aria-label="Choose files"
              onChange={(e) => choose(filesFromInput(e.target.files))}
            />
          </label>
          <label className="badge">
            Choose a folder{' '}
            <input
              type="file"
              aria-label="Choose a folder"
              {...{ webkitdirectory: '', directory: '' }}
              onChange={(e) => choose(filesFromInput(e.target.files))}
            />
          </label>
        </div>
      </div>
      {picked.length > 0 && (
        <div className="panel" style={{ marginTop: 16 }}>
          <div className="row">
            <strong>{picked.length} files</strong>
            <span className="muted">{totalMb.toFixed(1)} MB</span>
            <progress aria-label="Upload progress" max={picked.length} value={sent} />
            <span className="muted">
              {sent} of {picked.length} sent
            </span>
            <button onClick={() => void send()} disabled={busy || jobId !== null}>
              Upload and ingest
            </button>
          </div>
          {error !== null && <ErrorBox error={error} />}
          {!jobId && <FileTable picked={picked} states={states} />}
        </div>
      )}
      {jobId && <JobProgress jobId={jobId} />}
    </>
  );
}

function mark(
  set: React.Dispatch<React.SetStateAction<FileState[]>>,
  batch: { index: number }[],
  state: FileState,
) {
  set((prev) => {
    const next = [...prev];
    for (const f of batch) next[f.index] = state;

    return next;
  });
}

async function postBatch(jobId: string, batch: PickedFile[]): Promise<void> {
  const form = new FormData();
  for (const f of batch) form.append('file', f.file, f.path);
  const res = await fetch(`/api/ingest/${jobId}/files`, { method: 'POST', body: form });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The upload failed (${res.status}).`);
  }
}

function FileTable({ picked, states }: { picked: PickedFile[]; states: FileState[] }) {
  return (
    <table className="grid small" style={{ marginTop: 12 }}>
      <thead>
        <tr>
          <th>File</th>
          <th>Size</th>
          <th>Upload</th>
        </tr>
      </thead>
      <tbody>
        {picked.map((p, i) => (
          <tr key={`${p.path}-${i}`}>
            <td>{p.path}</td>
            <td>{(p.size / 1024).toFixed(0)} kB</td>
            <td>{states[i]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
