import { eq } from 'drizzle-orm';

import { ingestJobs } from '@/db/schema';
import { receiveUpload } from '@/server/ingest/uploads';
import { errorResponse } from '@/server/http/error-response';
import { AppError } from '@/server/lib/errors';
import { services } from '@/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Receives a batch of files of an open upload as multipart form data; each part's
 * file name is the path the user dropped it with (folder included).
 */
export async function POST(req: Request, ctx: { params: Promise<{ jobId: string }> }) {
  try {
    const { jobId } = await ctx.params;
    const { database, dataDir } = await services();
    const [job] = await database.db.select().from(ingestJobs).where(eq(ingestJobs.id, jobId));
    if (!job) throw new AppError('NOT_FOUND', 'That upload does not exist.');
    if (job.status !== 'receiving') {
      throw new AppError('CONFLICT', 'That upload has been started; open a new one.');
    }

    const form = await req.formData();
    const files = [];
    for (const value of form.getAll('file')) {
      if (typeof value === 'string') continue;
      files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    const received = await receiveUpload(dataDir, jobId, files);

    return Response.json({ received });
  } catch (err) {
    return errorResponse(err);
  }
}
