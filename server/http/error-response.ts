import { AppError, HTTP_STATUS } from '@/server/lib/errors';
import { logger } from '@/server/lib/log';

const log = logger('api');

/** The JSON error body of plain route handlers, mirroring what tRPC sends. */
export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    return Response.json(
      { error: { code: err.code, message: err.userMessage } },
      { status: HTTP_STATUS[err.code] },
    );
  }
  log.error('route failed', { err });

  return Response.json(
    { error: { code: 'INTERNAL', message: 'Something went wrong on the server; it was logged.' } },
    { status: 500 },
  );
}
