import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { createdAt, id } from './columns';

export type IngestJobStatus = 'receiving' | 'running' | 'done' | 'failed';
export type FileOutcome = 'ingested' | 'unchanged' | 'rejected';

export interface IngestProgress {
  phase: 'receiving' | 'reading' | 'assembling' | 'done';
  filesDone: number;
  filesTotal: number;
  series: { seriesInstanceUid: string; label: string; done: boolean; error?: string }[];
}

/** One upload or CLI run. A job in 'receiving' collects files until it is started. */
export const ingestJobs = pgTable('ingest_jobs', {
  id: id(),
  source: text('source').notNull(),
  status: text('status').$type<IngestJobStatus>().notNull(),
  ingested: integer('ingested').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  progress: jsonb('progress').$type<IngestProgress>(),
  error: text('error'),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** Every file of a job gets exactly one row: its outcome and, when rejected, why. */
export const ingestFiles = pgTable(
  'ingest_files',
  {
    id: id(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => ingestJobs.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    outcome: text('outcome').$type<FileOutcome>().notNull(),
    reason: text('reason'),
    seriesInstanceUid: text('series_instance_uid'),
    createdAt: createdAt(),
  },
  // The ingest history page lists the files of one job.
  (t) => [index('ingest_files_job_idx').on(t.jobId)],
);
