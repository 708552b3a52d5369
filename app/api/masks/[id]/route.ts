import fs from 'node:fs/promises';
import path from 'node:path';

import { eq } from 'drizzle-orm';

import { volumes } from '@/db/schema';
import { errorResponse } from '@/server/http/error-response';
import { AppError } from '@/server/lib/errors';
import type { CroppedMask } from '@/server/masks/transfer';
import { gridInCtFrame } from '@/server/masks/series-frame';
import { transferMask } from '@/server/masks/transfer';
import { services } from '@/server/services';

import { findMask } from '../find-mask';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A segment or propagated mask cropped to its bounding box (uint8, i fastest), the box in the
 * x-bbox header. With ?on=<seriesId> the mask is carried onto that series' grid first,
 * through its registration to the CT when it lies in another frame; x-series-frame then
 * says 'registered', or 'unregistered' when that registration failed (identity used).
 * Known shortcoming: the browser keeps a carried mask for an hour, so a registration that
 * re-tracking changes shows its new overlay only after a reload that bypasses the cache.
 */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const on = new URL(req.url).searchParams.get('on');
    if (!UUID.test(id) || (on !== null && !UUID.test(on))) {
      throw new AppError('BAD_INPUT', 'Mask and series ids are UUIDs.');
    }
    const { database, dataDir } = await services();
    const db = database.db;
    const mask = await findMask(db, id);
    const bytes = new Uint8Array(
      await fs.readFile(path.join(/* turbopackIgnore: true */ dataDir, mask.storedPath)),
    );
    let out: CroppedMask = { bbox: mask.bbox, data: bytes };
    let frame = 'own';
    if (on && on !== mask.imageSeriesId) {
      const [source] = await db
        .select()
        .from(volumes)
        .where(eq(volumes.seriesId, mask.imageSeriesId));
      const [target] = await db.select().from(volumes).where(eq(volumes.seriesId, on));
      if (!source || !target)
        throw new AppError('NOT_FOUND', 'A series of that mask has no volume.');
      // Through the CT's frame, so a series registered to the CT gets the mask where the
      // registration puts it rather than at the same scanner coordinates.
      const from = await gridInCtFrame(db, source.seriesId, source);
      const to = await gridInCtFrame(db, target.seriesId, target);
      out = transferMask(out, from.geometry, to.geometry);
      frame = [from.frame, to.frame].includes('unregistered') ? 'unregistered' : to.frame;
    }

    return new Response(Buffer.from(out.data), {
      headers: {
        'content-type': 'application/octet-stream',
        'cache-control': 'private, max-age=3600',
        'x-bbox': out.bbox.join(','),
        'x-series-frame': frame,
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
