import { randomUUID } from 'node:crypto';

import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';

import type { Db } from '@/db/client';
import type { AppErrorCode } from '@/server/lib/errors';
import { AppError } from '@/server/lib/errors';
import { logger } from '@/server/lib/log';

/**
 * The one place that hands out tRPC building blocks. Feature routers import the
 * router factory and procedures from here and never call initTRPC themselves.
 */
export interface Context {
  db: Db;
  dataDir: string;
  requestId: string;
}

export function createContext(db: Db, dataDir: string): Context {
  return { db, dataDir, requestId: randomUUID() };
}

const TRPC_CODE: Record<AppErrorCode, TRPCError['code']> = {
  BAD_INPUT: 'BAD_REQUEST',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNSUPPORTED: 'UNSUPPORTED_MEDIA_TYPE',
  DATABASE_LOCKED: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const appCode = cause instanceof AppError ? cause.code : undefined;
    const userMessage = cause instanceof AppError ? cause.userMessage : undefined;
    // Field errors travel flattened so forms can show them next to their inputs.
    const fieldErrors = cause instanceof ZodError ? cause.flatten().fieldErrors : undefined;

    return { ...shape, data: { ...shape.data, appCode, userMessage, fieldErrors } };
  },
});

const log = logger('api');
const SLOW_MS = 1000;

const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const started = Date.now();
  const result = await next();
  const durationMs = Date.now() - started;
  const fields = { requestId: ctx.requestId, path, durationMs, code: type };

  if (!result.ok) {
    const expected = result.error.code !== 'INTERNAL_SERVER_ERROR';
    if (expected) log.info('request refused', { ...fields, reason: result.error.message });
    else log.error('request failed', { ...fields, err: result.error.cause ?? result.error });
  } else if (durationMs > SLOW_MS) {
    log.warn('slow request', fields);
  }

  return result;
});

/** Turns domain errors into tRPC errors with the right code; keeps the cause. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.userMessage, cause });
  }

  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(observed).use(mapErrors);
