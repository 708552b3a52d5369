/**
 * The one application error type. `message` is for logs and developers; `userMessage`
 * is what a person sees and says what to do next. The original failure always rides
 * along as `cause`, so an outage never masquerades as missing data.
 */

export type AppErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNSUPPORTED'
  | 'DATABASE_LOCKED'
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { userMessage?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? message;
  }
}

/** How each code surfaces over HTTP; tRPC codes are looked up from the same table. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNSUPPORTED: 415,
  DATABASE_LOCKED: 503,
  INTERNAL: 500,
};

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
