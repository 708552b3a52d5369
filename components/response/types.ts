import type { inferRouterOutputs } from '@trpc/server';

import type { AppRouter } from '@/server/api/root';

/** The response page's data, as the tRPC router declares it. */
export type PatientResponseData = inferRouterOutputs<AppRouter>['response']['assess'];
export type LesionRowData = PatientResponseData['lesions'][number];
export type TimepointData = PatientResponseData['timepoints'][number];
export type TimepointResultData = PatientResponseData['result']['timepoints'][number];
