/**
 * Long work started from the web app (tracking, signals) runs in the background of the
 * server process, one job after another per kind: registrations and image reads already
 * fill a small machine, and two at once would only slow each other down. Progress lives
 * in memory, so a server restart forgets jobs in flight while the stored results of the
 * last finished run stay; a job table with worker processes would survive restarts.
 */
import { isAppError } from '@/server/lib/errors';
import type { Logger } from '@/server/lib/log';

export interface BackgroundJob<P> {
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: P | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface JobQueue<P> {
  /** Queues `work` for `key` unless a job for it is queued or running; returns that job. */
  start(key: string, work: (report: (progress: P) => void) => Promise<unknown>): BackgroundJob<P>;
  status(key: string): BackgroundJob<P> | null;
}

interface Book<P> {
  jobs: Map<string, BackgroundJob<P>>;
  tail: Promise<void>;
}

/**
 * One queue per `name`, kept on globalThis so that the dev server's module reloads and
 * the route handlers' separate bundles share it.
 */
export function inProcessQueue<P>(
  name: string,
  log: Logger,
  failureMessage: string,
): JobQueue<P> {
  const holder = globalThis as typeof globalThis & { hallmarkQueues?: Map<string, Book<P>> };
  const books = (holder.hallmarkQueues ??= new Map());
  const book: Book<P> = books.get(name) ?? { jobs: new Map(), tail: Promise.resolve() };
  books.set(name, book);

  const run = async (job: BackgroundJob<P>, work: Parameters<JobQueue<P>['start']>[1]) => {
    job.state = 'running';
    try {
      await work((progress) => (job.progress = progress));
      job.state = 'done';
    } catch (err) {
      log.error('background job failed', { err, code: name });
      job.state = 'failed';
      job.error = isAppError(err) ? err.userMessage : failureMessage;
    }
    job.finishedAt = new Date().toISOString();
  };

  return {
    start(key, work) {
      const current = book.jobs.get(key);
      if (current && (current.state === 'queued' || current.state === 'running')) return current;

      const job: BackgroundJob<P> = {
        state: 'queued', progress: null, error: null, startedAt: new Date().toISOString(),
        finishedAt: null,
      };
      book.jobs.set(key, job);
      book.tail = book.tail.then(() => run(job, work));

      return job;
    },

    status: (key) => book.jobs.get(key) ?? null,
  };
}
