import { errorResponse } from '@/server/http/error-response';
import { services } from '@/server/services';
import { signalsCsv } from '@/server/signals-store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The patient's stored signals as CSV: one row per lesion, timepoint and signal. */
export async function GET(_req: Request, ctx: { params: Promise<{ patientId: string }> }) {
  try {
    const patientId = decodeURIComponent((await ctx.params).patientId);
    const { database } = await services();
    const csv = await signalsCsv(database.db, patientId);
    const fileName = `signals-${patientId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;

    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName}"`,
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
