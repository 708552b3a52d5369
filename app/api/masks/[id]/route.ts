import fs from 'node:fs/promises';
import path from 'node:path';

import { eq } from 'drizzle-orm';

import { segmentMasks } from '@/db/schema';
import { errorResponse } from '@/server/http/error-response';
import { AppError } from '@/server/lib/errors';
import { services } from '@/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A segment mask cropped to its bounding box (uint8, i fastest); the box is in the detail. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const { database, dataDir } = await services();
    const [mask] = await database.db.select().from(segmentMasks).where(eq(segmentMasks.id, id));
    if (!mask) throw new AppError('NOT_FOUND', 'That mask does not exist.');
    const bytes = await fs.readFile(
      path.join(/* turbopackIgnore: true */ dataDir, mask.storedPath),
    );

    return new Response(bytes, {
      headers: {
        'content-type': 'application/octet-stream',
        'cache-control': 'private, max-age=3600',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
