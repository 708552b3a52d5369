import path from 'node:path';

import { eq } from 'drizzle-orm';

import { volumes } from '@/db/schema';
import { errorResponse } from '@/server/http/error-response';
import { AppError } from '@/server/lib/errors';
import { services } from '@/server/services';
import { readSliceBytes } from '@/server/storage/volumes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * One k-slice of a series' volume as raw little-endian pixels (the pixel type is in
 * the series detail). The viewer applies window/level and colour maps itself, so a
 * slice crosses the wire once however the user adjusts the display.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; k: string }> }) {
  try {
    const { id, k } = await ctx.params;
    const { database, dataDir } = await services();
    const [volume] = await database.db.select().from(volumes).where(eq(volumes.seriesId, id));
    if (!volume) throw new AppError('NOT_FOUND', 'That series has no volume.');
    const slice = Number(k);
    if (!Number.isInteger(slice) || slice < 0 || slice >= volume.size[2]) {
      throw new AppError('BAD_INPUT', `Slice ${k} is outside 0..${volume.size[2] - 1}.`);
    }
    const bytes = await readSliceBytes(
      path.join(/* turbopackIgnore: true */ dataDir, volume.storedPath),
      volume.size,
      volume.pixelType,
      slice,
    );

    return new Response(Buffer.from(bytes), {
      headers: {
        'content-type': 'application/octet-stream',
        // Slices never change once written: a re-assembled series gets a new volume id.
        'cache-control': 'private, max-age=3600',
        'x-volume-id': volume.id,
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
