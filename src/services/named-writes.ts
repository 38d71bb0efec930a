// Writes that may run on another thread. Each is a plain function of a write transaction and plain
// data that returns plain data (or throws an AppError before writing anything, as the write queue's
// rules ask), so the same function runs here or on the writer thread (src/services/writer-thread.ts)
// and gives the same answer.
import type { WriteQueue, WriteTransaction } from '../store/write-queue.js';
import { recordVote } from './votes.service.js';

export const NAMED_WRITES = {
  vote: recordVote,
} satisfies Record<string, (trx: WriteTransaction, input: never) => Promise<unknown>>;

export type WriteName = keyof typeof NAMED_WRITES;
export type WriteInput<N extends WriteName> = Parameters<(typeof NAMED_WRITES)[N]>[1];
export type WriteOutput<N extends WriteName> = Awaited<ReturnType<(typeof NAMED_WRITES)[N]>>;

export interface NamedWrites {
  /** Runs the named write in a group transaction (ordered by `order`); resolves once it is durable. */
  run<N extends WriteName>(name: N, input: WriteInput<N>, order?: number): Promise<WriteOutput<N>>;
  /** False once the writes can no longer be made (a writer thread that died); for readiness. */
  healthy(): boolean;
  /** Finishes the writes already asked for. */
  close(): Promise<void>;
}

/** The named writes on this thread's write queue (PostgreSQL, in-memory SQLite, MARQUEE_WRITER_THREAD=off). */
export class InlineWrites implements NamedWrites {
  constructor(private readonly writes: WriteQueue) {}

  run<N extends WriteName>(name: N, input: WriteInput<N>, order?: number): Promise<WriteOutput<N>> {
    const op = NAMED_WRITES[name] as (trx: WriteTransaction, input: WriteInput<N>) => Promise<WriteOutput<N>>;
    return this.writes.run((trx) => op(trx, input), order);
  }

  healthy(): boolean {
    return true;
  }

  async close(): Promise<void> {}
}
