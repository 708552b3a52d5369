/**
 * registerVolumes: align a follow-up CT (moving) to the baseline CT (fixed), rigid then
 * affine, off the request path. On the main thread it starts a worker_threads Worker
 * for the job (elastix in WebAssembly blocks its thread for seconds); inside a worker,
 * or with `inProcess`, it runs directly.
 *
 * The worker file is TypeScript, so it is started through tsx (a project dependency);
 * a build that compiles this folder to JavaScript finds the compiled worker instead.
 * Each call starts a fresh worker, which loads elastix's WebAssembly again (about half
 * a second); a long-lived worker pool would save that when many pairs are queued.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import { env } from '../env';
import type { ImageVolume } from '../imaging/image';
import { registerInProcess } from './register-core';
import type { RegistrationOptions, RegistrationResult } from './registration-types';

export function registerVolumes(
  fixed: ImageVolume,
  moving: ImageVolume,
  options: RegistrationOptions = {},
): Promise<RegistrationResult> {
  const chosen = { ...options, engine: options.engine ?? env().registrationEngine };
  if (chosen.inProcess || !isMainThread) return registerInProcess(fixed, moving, chosen);

  return runInWorker({ fixed, moving, options: chosen });
}

/**
 * A compiled build runs register-worker.js directly; from TypeScript sources a small
 * .mjs bootstrap registers tsx inside the worker and then imports the .ts entry.
 */
function startWorker(job: object): Worker {
  const dir = workerDir();
  const compiled = path.join(/* turbopackIgnore: true */ dir, 'register-worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData: job });

  const boot = path.join(/* turbopackIgnore: true */ dir, 'register-worker-boot.mjs');

  return new Worker(boot, { workerData: job });
}

/**
 * This module's folder. The Next.js server bundle rewrites import.meta.url to a path
 * that does not exist; the sources under the project folder are the fallback there.
 */
function workerDir(): string {
  const here = import.meta.url.startsWith('file:')
    ? path.dirname(fileURLToPath(import.meta.url))
    : '';
  if (here && existsSync(path.join(/* turbopackIgnore: true */ here, 'register-worker-boot.mjs'))) {
    return here;
  }

  return path.join(/* turbopackIgnore: true */ process.cwd(), 'server', 'tracking');
}

function runInWorker(job: object): Promise<RegistrationResult> {
  const worker = startWorker(job);

  return new Promise((resolve, reject) => {
    worker.once('message', (message: { result?: RegistrationResult; error?: string }) => {
      void worker.terminate();
      if (message.result) resolve(message.result);
      else reject(new Error(`Registration worker failed: ${message.error ?? 'no result'}`));
    });
    worker.once('error', (err) => {
      reject(new Error('The registration worker crashed; see the cause.', { cause: err }));
    });
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The registration worker exited with code ${code}.`));
    });
  });
}
