/**
 * Fills the demo in once the app is up: queues lesion tracking for every patient through
 * the app's own API, then each patient's hallmark signals as its tracking ends. The demo
 * opens at once and its lesion tables, charts and response pages fill in over the next
 * minutes, each page showing its patient's job while it runs. It goes through the server
 * because the embedded database admits one process at a time. Patients already tracked,
 * or with signals stored, are left as they are, so a second `npm run demo` starts at once.
 *
 *   npx tsx scripts/demo-fill.ts http://localhost:3000
 */
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';

import type { AppRouter } from '../server/api/root';

const base = process.argv[2] ?? 'http://localhost:3000';
const api = createTRPCClient<AppRouter>({
  links: [httpLink({ url: `${base}/api/trpc`, transformer: superjson })],
});
const POLL_MS = 2000;
const READY_TIMEOUT_MS = 120_000;

function say(text: string): void {
  process.stdout.write(`demo: ${text}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `request` until it answers. While a job holds the server's event loop, a poll
 * can meet a socket the server has just closed (keep-alive); that is worth another try.
 */
async function retrying<T>(request: () => Promise<T>, timeoutMs = READY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await request();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(POLL_MS);
    }
  }
}

type Job = { state: string; error: string | null } | null;

async function untilFinished(status: () => Promise<Job>): Promise<Job> {
  for (;;) {
    const job = await retrying(status);
    if (!job || job.state === 'done' || job.state === 'failed') return job;
    await sleep(POLL_MS);
  }
}

/** Waits for a queued tracking job; true when the patient's lesions are tracked. */
async function tracked(patientId: string): Promise<boolean> {
  const job = await untilFinished(() => api.tracking.status.query({ patientId }));
  if (job?.state !== 'done') {
    say(`${patientId}: tracking failed (${job?.error ?? 'no job'}); see the server log`);

    return false;
  }
  say(`${patientId}: lesions tracked`);

  return true;
}

async function measure(patientId: string): Promise<void> {
  const signals = await retrying(() => api.signals.dashboard.query({ patientId }));
  if (signals.run) return;
  await retrying(() => api.signals.start.mutate({ patientId }));
  const job = await untilFinished(() => api.signals.status.query({ patientId }));
  say(`${patientId}: ${job?.state === 'done' ? 'signals computed'
    : `signals failed (${job?.error ?? 'no job'}); see the server log`}`);
}

async function main(): Promise<void> {
  const patients = (await retrying(() => api.patients.list.query({}))).map((p) => p.patientId);
  say(`tracking lesions and computing signals of ${patients.length} patients in the ` +
    'background; their pages show progress');
  // Every untracked patient is queued at once, so each lesion page shows its job from the
  // start; the server runs one tracking job at a time (starting one is idempotent).
  const queued = new Set<string>();
  for (const patientId of patients) {
    const table = await retrying(() => api.tracking.table.query({ patientId }));
    if (table.lesions.length > 0) continue;
    await retrying(() => api.tracking.start.mutate({ patientId }));
    queued.add(patientId);
  }
  // A patient's signals are queued as soon as its tracking ends, and run beside the next
  // patient's tracking (one computation at a time, on a queue of their own).
  const measuring: Promise<void>[] = [];
  for (const patientId of patients) {
    if (queued.has(patientId) && !(await tracked(patientId))) continue;
    measuring.push(measure(patientId));
  }
  await Promise.all(measuring);
  say('every patient is tracked and measured');
}

main().catch((err: unknown) => {
  say(`filling the demo in stopped: ${err instanceof Error ? err.message : String(err)}; ` +
    'the app keeps running, and each patient can be tracked from its lesion table');
});
