// Group commit: writes that arrive together are committed in one transaction, and each caller is
// answered only after the transaction holding its write is durable.
//
// Why: with SQLite in WAL mode and synchronous=FULL every commit is an fsync, which caps a
// one-commit-per-write design at a few thousand writes per second on this machine. Committing the
// writes that queued up during the previous commit together keeps the same guarantee (an answered
// write survives a crash) at many times the rate. On PostgreSQL the same queue runs several groups
// at once, one per pooled connection.
//
// Rules for an operation (`op`):
// - It may throw an AppError (a refusal: not found, forbidden…) only before it writes anything and
//   never in place of a database error (on PostgreSQL a failed statement aborts the transaction);
//   the group carries on without it. Translate constraint violations outside `run`.
// - Any other error rolls back the whole group; every operation of the group is then run again alone
//   in its own transaction, so one bad write never fails its neighbours.
// - It must be safe to run again after a rollback (it is: the rollback undid everything).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import { AppError } from '../domain/errors.js';

export type WriteTransaction = Transaction<Database>;
export type WriteOp<T> = (trx: WriteTransaction) => Promise<T>;

interface Pending {
  op: WriteOp<unknown>;
  /** Operations in a group run in order of this key (then arrival), so groups lock rows in one order. */
  order: number;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export interface WriteQueueOptions {
  /** At most this many operations in one transaction. */
  maxBatch: number;
  /** Groups committing at the same time (1 for SQLite: it has one writer). */
  concurrency: number;
  /** Whether a failed transaction may be tried again (deadlock, busy). */
  isRetryable(err: unknown): boolean;
  /** Held around every transaction when another thread writes the same SQLite file (src/store/write-lock.ts). */
  lock?: { with<T>(fn: () => Promise<T>): Promise<T> };
}

export class WriteQueue {
  readonly #queue: Pending[] = [];
  #running = 0;
  #scheduled = false;
  #closed = false;
  #idle: (() => void)[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: WriteQueueOptions,
  ) {}

  /** Runs `op` in a group transaction; resolves after that transaction has committed. */
  run<T>(op: WriteOp<T>, order = 0): Promise<T> {
    if (this.#closed) return Promise.reject(new AppError('unavailable', 'The server is shutting down.'));
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ op, order, resolve: resolve as (v: unknown) => void, reject });
      this.#schedule();
    });
  }

  /** Waits for queued writes to finish, then refuses new ones. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#running === 0 && this.#queue.length === 0) return;
    await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  #schedule(): void {
    if (this.#scheduled || this.#running >= this.options.concurrency) return;
    this.#scheduled = true;
    // setImmediate lets the requests that arrived in the same event-loop turn join the group.
    setImmediate(() => {
      this.#scheduled = false;
      while (this.#running < this.options.concurrency && this.#queue.length > 0) {
        const group = this.#queue.splice(0, this.options.maxBatch);
        this.#running++;
        void this.#commitGroup(group).finally(() => {
          this.#running--;
          if (this.#queue.length > 0) this.#schedule();
          else if (this.#running === 0) for (const done of this.#idle.splice(0)) done();
        });
      }
    });
  }

  async #commitGroup(group: Pending[]): Promise<void> {
    group.sort((a, b) => a.order - b.order); // stable: arrival order within the same key
    const outcomes = new Array<{ ok: boolean; value: unknown }>(group.length);
    try {
      await this.#transaction(async (trx) => {
        for (let i = 0; i < group.length; i++) {
          try {
            outcomes[i] = { ok: true, value: await group[i]!.op(trx) };
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            outcomes[i] = { ok: false, value: err };
          }
        }
      });
    } catch (err) {
      if (group.length === 1) {
        await this.#runAlone(group[0]!, err);
        return;
      }
      for (const item of group) await this.#runAlone(item, null);
      return;
    }
    group.forEach((item, i) => (outcomes[i]!.ok ? item.resolve(outcomes[i]!.value) : item.reject(outcomes[i]!.value)));
  }

  #transaction<T>(fn: (trx: WriteTransaction) => Promise<T>): Promise<T> {
    const run = () => this.db.transaction().execute(fn);
    return this.options.lock ? this.options.lock.with(run) : run();
  }

  /** Runs one operation in its own transaction, retrying a few times on a retryable failure. */
  async #runAlone(item: Pending, firstError: unknown): Promise<void> {
    let lastError = firstError;
    const attempts = firstError !== null && !this.options.isRetryable(firstError) ? 0 : 5;
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        item.resolve(await this.#transaction((trx) => item.op(trx)));
        return;
      } catch (err) {
        lastError = err;
        if (err instanceof AppError || !this.options.isRetryable(err)) break;
        await new Promise((r) => setTimeout(r, 5 * (attempt + 1) + Math.random() * 10));
      }
    }
    item.reject(lastError);
  }
}
