/**
 * Named, structured loggers. Each subsystem gets its own channel so that a host can
 * turn one up without drowning in the others; `nonconformant` is kept apart for input
 * files that break the standard (missing spacing, odd orientation), which a site will
 * want to see even when everything else is quiet.
 *
 * Records are one JSON object per line on stderr. Keys come from a fixed vocabulary
 * (see LogFields); patient identifiers, names and dates of birth never go in a log.
 */

export type LogChannel =
  | 'app'
  | 'api'
  | 'db'
  | 'dicom'
  | 'nonconformant'
  | 'ingest'
  | 'registration'
  | 'features'
  | 'signals'
  | 'response'
  | 'phantom';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVEL_RANK: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

/** The keys a log record may carry besides channel, level and msg. */
export interface LogFields {
  requestId?: string;
  path?: string;
  userId?: string;
  durationMs?: number;
  jobId?: string;
  seriesUid?: string;
  file?: string;
  count?: number;
  reason?: string;
  code?: string;
  err?: unknown;
  [detail: `x${string}`]: unknown;
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

function thresholdFor(channel: LogChannel): number {
  const perChannel = process.env[`HALLMARK_LOG_${channel.toUpperCase()}`];
  const level = (perChannel ?? process.env.HALLMARK_LOG_LEVEL ?? 'info') as LogLevel;

  return LEVEL_RANK[level] ?? LEVEL_RANK.info;
}

function serialiseError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;

  return { name: err.name, message: err.message, cause: serialiseError(err.cause) };
}

export function logger(channel: LogChannel, bound: LogFields = {}): Logger {
  const write = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields) => {
    if (LEVEL_RANK[level] < thresholdFor(channel)) return;

    const record: Record<string, unknown> = {
      t: new Date().toISOString(),
      level,
      channel,
      msg,
      ...bound,
      ...fields,
    };
    if (record.err !== undefined) record.err = serialiseError(record.err);
    process.stderr.write(`${JSON.stringify(record)}\n`);
  };

  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => logger(channel, { ...bound, ...fields }),
  };
}
