import { z } from 'zod';

import { startUploadedJob } from '@/server/ingest/background';
import { getJob, listJobFiles, listJobs } from '@/server/ingest/history';
import { createJob } from '@/server/ingest/pipeline';

import { publicProcedure, router } from '../trpc';

const jobId = z.object({ jobId: z.string().uuid() });

export const ingestRouter = router({
  /** Opens an upload; files are then posted to /api/ingest/<jobId>/files. */
  createUpload: publicProcedure.mutation(async ({ ctx }) => ({
    jobId: await createJob(ctx.db, 'upload'),
  })),

  start: publicProcedure
    .input(jobId)
    .mutation(({ ctx, input }) => startUploadedJob(ctx.db, ctx.dataDir, input.jobId)),

  job: publicProcedure.input(jobId).query(({ ctx, input }) => getJob(ctx.db, input.jobId)),

  files: publicProcedure.input(jobId).query(({ ctx, input }) => listJobFiles(ctx.db, input.jobId)),

  history: publicProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(50) }))
    .query(({ ctx, input }) => listJobs(ctx.db, input.limit)),
});
