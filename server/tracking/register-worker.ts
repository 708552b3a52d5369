/**
 * Worker entry for registerVolumes: receives { fixed, moving, options }, answers with
 * { result } or { error }. Loaded through tsx's loader (see register.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImageVolume } from '../imaging/image';
import { registerInProcess } from './register-core';
import type { RegistrationOptions } from './registration-types';

interface Job {
  fixed: ImageVolume;
  moving: ImageVolume;
  options: RegistrationOptions;
}

async function main(job: Job): Promise<void> {
  try {
    const result = await registerInProcess(job.fixed, job.moving, job.options);
    parentPort?.postMessage({ result });
  } catch (err) {
    parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}

void main(workerData as Job);
