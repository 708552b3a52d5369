import { z } from 'zod';

import {
  CONTRAST_PHASES,
  getSeriesDetail,
  SERIES_TYPES,
  setContrastPhase,
  setSeriesType,
} from '@/server/series/detail';

import { publicProcedure, router } from '../trpc';

export const seriesRouter = router({
  detail: publicProcedure
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) => getSeriesDetail(ctx.db, input.id)),

  setType: publicProcedure
    .input(z.object({ id: z.string().uuid(), seriesType: z.enum(SERIES_TYPES) }))
    .mutation(({ ctx, input }) => setSeriesType(ctx.db, input.id, input.seriesType)),

  setContrastPhase: publicProcedure
    .input(z.object({ id: z.string().uuid(), phase: z.enum(CONTRAST_PHASES).nullable() }))
    .mutation(({ ctx, input }) => setContrastPhase(ctx.db, input.id, input.phase)),
});
