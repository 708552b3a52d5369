import { ingestRouter } from './routers/ingest';
import { patientsRouter } from './routers/patients';
import { responseRouter } from './routers/response';
import { seriesRouter } from './routers/series';
import { signalsRouter } from './routers/signals';
import { trackingRouter } from './routers/tracking';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  patients: patientsRouter,
  series: seriesRouter,
  ingest: ingestRouter,
  tracking: trackingRouter,
  response: responseRouter,
  signals: signalsRouter,
});

export type AppRouter = typeof appRouter;

/** In-process caller: tests and server components run procedures without HTTP. */
export const createCaller = createCallerFactory(appRouter);
