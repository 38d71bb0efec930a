// SQLite has one writer at a time. When the server writes from two threads (its own, and the writer
// thread that commits votes, src/services/writer-thread.ts), each takes this lock around a write
// transaction, so neither ever waits inside SQLite's busy handler — which would block a thread's
// event loop, and on the server thread stall every request for the length of the other's commit.
//
// A ticket lock over shared memory: first come, first served, so a stream of vote groups on the
// writer thread cannot starve a rare write of the server thread. Waiting never blocks an event loop
// (Atomics.waitAsync).
export class SharedWriteLock {
  /** [next ticket, ticket now served] */
  readonly #cells: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.#cells = new Int32Array(buffer);
  }

  async acquire(): Promise<void> {
    const ticket = Atomics.add(this.#cells, 0, 1);
    for (;;) {
      const serving = Atomics.load(this.#cells, 1);
      if (serving === ticket) return;
      const wait = Atomics.waitAsync(this.#cells, 1, serving);
      if (wait.async) await wait.value;
    }
  }

  release(): void {
    Atomics.add(this.#cells, 1, 1);
    Atomics.notify(this.#cells, 1);
  }

  /** Runs `fn` holding the lock. */
  async with<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}
