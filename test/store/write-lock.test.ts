// The write lock the server thread and the writer thread share: first come, first served, and
// waiting for it never blocks an event loop.
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { SharedWriteLock } from '../../src/store/write-lock.js';

describe('SharedWriteLock', () => {
  it('hands the lock on in the order it was asked for', async () => {
    const lock = new SharedWriteLock();
    const order: string[] = [];
    await lock.acquire();
    const b = lock.acquire().then(() => order.push('b'));
    const c = lock.acquire().then(() => order.push('c'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]); // both wait while the first holds it
    lock.release();
    await b;
    expect(order).toEqual(['b']); // c still waits for b
    lock.release();
    await c;
    expect(order).toEqual(['b', 'c']);
    lock.release();
  });

  it('is one lock across threads: a thread holding it keeps another waiting, without blocking its event loop', async () => {
    const lock = new SharedWriteLock();
    // A thread that takes the lock, says so, and lets go only when told.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const cells = new Int32Array(workerData);
       const ticket = Atomics.add(cells, 0, 1);
       while (Atomics.load(cells, 1) !== ticket) Atomics.wait(cells, 1, Atomics.load(cells, 1));
       parentPort.postMessage('held');
       parentPort.once('message', () => { Atomics.add(cells, 1, 1); Atomics.notify(cells, 1); parentPort.postMessage('released'); });`,
      { eval: true, workerData: lock.buffer },
    );
    await new Promise((r) => worker.once('message', r));
    let acquired = false;
    const mine = lock.acquire().then(() => (acquired = true));
    let ticks = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (++ticks === 5) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    expect(ticks).toBe(5); // this thread kept running its timers while it waited
    expect(acquired).toBe(false);
    worker.postMessage('release');
    await mine;
    expect(acquired).toBe(true);
    lock.release();
    await worker.terminate();
  });
});
