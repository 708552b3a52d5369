import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Lets the server answer waiting requests between long synchronous steps of a job that
 * runs in its own process (signals, matching): without it, a page opened while a job runs
 * would wait for the whole job.
 */
export function yieldToRequests(): Promise<void> {
  return nextTurn();
}
