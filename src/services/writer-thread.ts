// The named writes (src/services/named-writes.ts) committed on a thread of their own, with its own
// connection to the SQLite file. Why: SQLite commits synchronously, so on the server thread every
// group commit — the fsync that makes it durable, and now and then a checkpoint — stops all request
// handling until it is done. On the writer thread the server thread parses, authenticates and answers
// the next requests while the previous group is made durable (docs/PERFORMANCE.md, votes).
//
// The two threads share SQLite's one write lock through SharedWriteLock, so neither waits in SQLite's
// busy handler. Each caller is answered after the transaction holding its write has committed, as on
// the server thread. The thread starts on the first write, so commands that never vote never start it.
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../domain/errors.js';
import type { SharedWriteLock } from '../store/write-lock.js';
import type { CheckpointerOptions } from '../store/dialect/sqlite-checkpointer.js';
import type { NamedWrites, WriteInput, WriteName, WriteOutput } from './named-writes.js';
import { SMALL_YOUNG_GENERATION, startWorker } from './worker-threads.js';

export interface WriterThreadData {
  databaseUrl: string;
  lock: SharedArrayBuffer;
  maxBatch: number;
  /** Run checkpoints on a thread of their own (src/services/checkpointer-thread.worker.ts). */
  checkpointer: boolean;
  checkpointFrames: CheckpointerOptions | undefined;
}

export interface WriteRequest {
  id: number;
  name: WriteName;
  input: unknown;
  order: number | undefined;
}

export type WriteFailure = { app: true; code: ErrorCode; message: string; field: string | undefined } | { app: false; message: string; code: string | undefined };

export type WriteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WriteFailure };

export type ToWriter = { type: 'run'; requests: WriteRequest[] } | { type: 'close' };
export type FromWriter = { type: 'replies'; replies: WriteReply[] };

export class WriterThread implements NamedWrites {
  #worker: Worker | null = null;
  readonly #waiting = new Map<number, { resolve(value: unknown): void; reject(err: unknown): void }>();
  #outbox: WriteRequest[] = [];
  /**
   * A batch went to the thread and no answers came back since. Requests then wait here instead of
   * going one message each: the thread could not start them before its group commits anyway, and
   * a message costs the server thread more than the request's own work (docs/PERFORMANCE.md,
   * votes). The next answers send them all in one message.
   */
  #awaitingThread = false;
  #seq = 0;
  #failed: Error | null = null;
  #closing = false;
  #closed: Promise<void> | null = null;

  constructor(
    private readonly data: Omit<WriterThreadData, 'lock'> & { lock: SharedWriteLock },
    private readonly onFailure: (err: Error) => void,
  ) {}

  run<N extends WriteName>(name: N, input: WriteInput<N>, order?: number): Promise<WriteOutput<N>> {
    if (this.#failed) return Promise.reject(new AppError('unavailable', 'Votes cannot be recorded right now.'));
    if (this.#closing) return Promise.reject(new AppError('unavailable', 'The server is shutting down.'));
    const id = ++this.#seq;
    return new Promise<WriteOutput<N>>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // While writes are pending the thread keeps the process alive; idle, it does not.
      if (this.#waiting.size === 1) this.#worker?.ref();
      // Requests of one event-loop turn travel in one message.
      if (this.#outbox.push({ id, name, input, order }) === 1 && !this.#awaitingThread) setImmediate(() => this.#flush());
    });
  }

  healthy(): boolean {
    return this.#failed === null;
  }

  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async #close(): Promise<void> {
    this.#closing = true;
    if (!this.#failed) this.#flush(); // writes asked for in this event-loop turn still go (and start the thread)
    const worker = this.#worker;
    if (!worker || this.#failed) {
      await worker?.terminate();
      return;
    }
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.ref(); // an idle thread is unref'd: the process must wait for it to finish
      worker.postMessage({ type: 'close' } satisfies ToWriter);
    });
  }

  #flush(): void {
    if (this.#outbox.length === 0) return;
    const requests = this.#outbox;
    this.#outbox = [];
    this.#awaitingThread = true;
    this.#start().postMessage({ type: 'run', requests } satisfies ToWriter);
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const data: WriterThreadData = { ...this.data, lock: this.data.lock.buffer };
    const worker = startWorker('writer-thread', import.meta.url, data, SMALL_YOUNG_GENERATION);
    worker.on('message', (message: FromWriter) => {
      for (const reply of message.replies) {
        const waiting = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        if (!waiting) continue;
        if (reply.ok) waiting.resolve(reply.value);
        else waiting.reject(failureToError(reply.error));
      }
      this.#awaitingThread = false;
      if (!this.#closing && !this.#failed) this.#flush();
      if (this.#waiting.size === 0) worker.unref();
    });
    worker.on('error', (err) => this.#fail(err));
    worker.on('exit', (code) => {
      if (!this.#closing || this.#waiting.size > 0) this.#fail(new Error(`the writer thread stopped (exit code ${code})`));
    });
    this.#worker = worker;
    return worker;
  }

  #fail(err: Error): void {
    if (this.#failed) return;
    this.#failed = err;
    this.onFailure(err);
    for (const waiting of this.#waiting.values()) waiting.reject(new AppError('unavailable', 'Votes cannot be recorded right now.'));
    this.#waiting.clear();
  }
}

export function errorToFailure(err: unknown): WriteFailure {
  if (err instanceof AppError) return { app: true, code: err.code, message: err.message, field: err.field };
  const e = err as { message?: string; code?: unknown };
  return { app: false, message: String(e?.message ?? err), code: typeof e?.code === 'string' ? e.code : undefined };
}

function failureToError(f: WriteFailure): Error {
  if (f.app) return new AppError(f.code, f.message, f.field);
  return Object.assign(new Error(f.message), { code: f.code });
}
