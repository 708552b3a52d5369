import { describe, expect, it } from 'vitest';

import { AppError } from '@/server/lib/errors';
import { logger } from '@/server/lib/log';

import { inProcessQueue } from '../in-process-queue';

const log = logger('app');

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));

  return { promise, resolve };
}

async function settled(queue: ReturnType<typeof inProcessQueue<number>>, key: string) {
  for (let n = 0; n < 100; n++) {
    const state = queue.status(key)?.state;
    if (state === 'done' || state === 'failed') return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`job ${key} never finished`);
}

describe('inProcessQueue', () => {
  it('runs one job at a time, in order, reporting progress', async () => {
    const queue = inProcessQueue<number>('test-order', log, 'failed');
    const gate = deferred();
    const order: string[] = [];
    const a = queue.start('a', async (report) => {
      order.push('a starts');
      report(1);
      await gate.promise;
      order.push('a ends');
    });
    const b = queue.start('b', async () => void order.push('b runs'));

    await new Promise((r) => setTimeout(r, 10));
    expect(a.state).toBe('running');
    expect(a.progress).toBe(1);
    expect(b.state).toBe('queued');
    gate.resolve();
    await settled(queue, 'b');
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);
    expect(queue.status('a')?.finishedAt).not.toBeNull();
  });

  it('returns the job in flight instead of queueing the same key twice', async () => {
    const queue = inProcessQueue<number>('test-dedupe', log, 'failed');
    const gate = deferred();
    let runs = 0;
    const work = async () => {
      runs++;
      await gate.promise;
    };
    const first = queue.start('p', work);
    const second = queue.start('p', work);
    expect(second).toBe(first);
    gate.resolve();
    await settled(queue, 'p');
    expect(runs).toBe(1);

    // Once finished, the key can run again.
    queue.start('p', work);
    await settled(queue, 'p');
    expect(runs).toBe(2);
  });

  it('keeps a user message from an AppError and a generic one otherwise', async () => {
    const queue = inProcessQueue<number>('test-failure', log, 'It failed; see the log.');
    queue.start('known', async () => {
      throw new AppError('BAD_INPUT', 'internal detail', { userMessage: 'Fix the input.' });
    });
    queue.start('unknown', async () => {
      throw new Error('stack detail');
    });
    await settled(queue, 'unknown');

    expect(queue.status('known')).toMatchObject({ state: 'failed', error: 'Fix the input.' });
    expect(queue.status('unknown')).toMatchObject({
      state: 'failed', error: 'It failed; see the log.',
    });
    expect(queue.status('never')).toBeNull();
  });
});
